package io.costlens.platform.security;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;

import io.costlens.IntegrationTest;
import io.costlens.TestApi;
import io.costlens.TestApi.Response;

import static org.assertj.core.api.Assertions.assertThat;

/** Security headers on every response, a CSP the API docs can live with, and CORS. */
class SecurityHeadersIntegrationTests {

	@Nested
	@IntegrationTest
	class Headers {

		@Autowired
		TestApi api;

		@Test
		void sendsTheSecurityHeadersOnApiResponsesAndErrors() {
			for (Response response : new Response[] { this.api.get("/api/v2/auth/me").send(),
					this.api.get("/api/v2/auth/me").anonymous().send(), this.api.get("/health").anonymous().send() }) {
				assertThat(response.header("Strict-Transport-Security"))
					.isEqualTo("max-age=31536000 ; includeSubDomains");
				assertThat(response.header("Content-Security-Policy")).isEqualTo(SecurityHeaders.API_CSP);
				assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
				assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
				assertThat(response.header("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
				assertThat(response.header("Permissions-Policy")).contains("camera=()");
				assertThat(response.header("Cache-Control")).isEqualTo("no-store");
			}
		}

		@Test
		void givesTheApiDocsACspThatLetsThemLoad() {
			Response swagger = this.api.get("/swagger-ui/index.html").anonymous().send();
			Response redoc = this.api.get("/redoc").anonymous().send();
			Response redocScript = this.api.get("/webjars/redoc/bundles/redoc.standalone.js").anonymous().send();

			assertThat(swagger.status()).isEqualTo(200);
			assertThat(redoc.status()).isEqualTo(200);
			assertThat(redocScript.status()).isEqualTo(200);
			assertThat(swagger.header("Content-Security-Policy")).isEqualTo(SecurityHeaders.DOCS_CSP);
			assertThat(redoc.header("Content-Security-Policy")).isEqualTo(SecurityHeaders.DOCS_CSP);
			// no inline scripts on either page: script-src 'self' suffices
			assertThat(swagger.body()).doesNotContainPattern("<script>[^<]");
			assertThat(redoc.body()).doesNotContainPattern("<script>[^<]");
		}

		@Test
		void answersCrossOriginRequestsFromNoOriginByDefault() {
			Response preflight = this.api
				.request("OPTIONS", "/api/v2/auth/me", java.net.http.HttpRequest.BodyPublishers.noBody())
				.anonymous()
				.header("Origin", "https://evil.example")
				.header("Access-Control-Request-Method", "GET")
				.send();

			assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
		}

	}

	@Nested
	@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
			properties = "costlens.security.cors-origins=https://dash.example.com, https://other.example.com")
	@Import(TestApi.class)
	class WithCorsOrigins {

		@Autowired
		TestApi api;

		@Test
		void allowsTheConfiguredOriginsOnly() {
			Response allowed = preflight("https://dash.example.com");
			Response refused = preflight("https://evil.example");

			assertThat(allowed.status()).isEqualTo(200);
			assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo("https://dash.example.com");
			assertThat(allowed.header("Access-Control-Allow-Headers")).containsIgnoringCase("x-api-key");
			assertThat(refused.status()).isEqualTo(403);
			assertThat(refused.header("Access-Control-Allow-Origin")).isNull();
		}

		private Response preflight(String origin) {
			return this.api.request("OPTIONS", "/api/v2/auth/me", java.net.http.HttpRequest.BodyPublishers.noBody())
				.anonymous()
				.header("Origin", origin)
				.header("Access-Control-Request-Method", "GET")
				.header("Access-Control-Request-Headers", "x-api-key")
				.send();
		}

	}

}
