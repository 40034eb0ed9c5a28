package io.costlens.platform.security;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CSP chosen for each path: the docs' on the docs pages, the API's everywhere else.
 */
class SecurityHeadersTests {

	private final SecurityHeaders.ContentSecurityPolicy csp = new SecurityHeaders.ContentSecurityPolicy();

	@Test
	void givesTheDocsPagesTheirCsp() {
		for (String path : new String[] { "/docs", "/docs/", "/docs/x", "/swagger-ui/index.html", "/redoc",
				"/redoc.html", "/webjars/redoc/bundles/redoc.standalone.js", "/db-scheduler/jobs" }) {
			assertThat(cspOf("", path)).as(path).isEqualTo(SecurityHeaders.DOCS_CSP);
		}
	}

	@Test
	void givesEveryOtherPathTheApiCsp() {
		for (String path : new String[] { "/health", "/ingest", "/api/v2/scenarios", "/redoc/x", "/docsx", "/redocs",
				"/api/docs", "/", "/ui/" }) {
			assertThat(cspOf("", path)).as(path).isEqualTo(SecurityHeaders.API_CSP);
		}
	}

	@Test
	void matchesAPercentEscapedPathAsThePatternsDo() {
		assertThat(cspOf("", "/%72edoc")).isEqualTo(SecurityHeaders.DOCS_CSP);
		assertThat(cspOf("", "/%68ealth")).isEqualTo(SecurityHeaders.API_CSP);
	}

	@Test
	void matchesThePathWithinTheApplication() {
		assertThat(cspOf("/costlens", "/costlens/redoc")).isEqualTo(SecurityHeaders.DOCS_CSP);
		assertThat(cspOf("/costlens", "/costlens/health")).isEqualTo(SecurityHeaders.API_CSP);
	}

	@Test
	void keepsACspTheHandlerSet() {
		MockHttpServletResponse response = new MockHttpServletResponse();
		response.setHeader("Content-Security-Policy", "default-src 'self'");

		this.csp.writeHeaders(new MockHttpServletRequest("GET", "/health"), response);

		assertThat(response.getHeader("Content-Security-Policy")).isEqualTo("default-src 'self'");
	}

	private String cspOf(String contextPath, String uri) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", uri);
		request.setContextPath(contextPath);
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.csp.writeHeaders(request, response);
		return response.getHeader("Content-Security-Policy");
	}

}
