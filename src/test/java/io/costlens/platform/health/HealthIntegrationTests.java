package io.costlens.platform.health;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationContext;

import io.costlens.IntegrationTest;
import io.costlens.TestApi;
import io.costlens.TestApi.Response;
import io.costlens.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class HealthIntegrationTests {

	@Autowired
	TestApi api;

	@Autowired
	ApplicationContext context;

	@Autowired
	TestUsers users;

	@Test
	void describesTheServiceAtTheRoot() {
		Response response = this.api.get("/").anonymous().send();

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().get("name").asString()).isEqualTo("Costlens");
		assertThat(response.json().get("version").asString()).isNotBlank();
		assertThat(response.json().get("links").get("docs").asString()).isEqualTo("/docs");
	}

	@Test
	void reportsHealthWithDatabaseVendor() {
		Response response = this.api.get("/health").anonymous().send();

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().get("status").asString()).isEqualTo("healthy");
		assertThat(response.json().get("database").get("status").asString()).isEqualTo("up");
		assertThat(response.json().get("database").get("vendor").asString()).isIn("H2", "PostgreSQL");
		assertThat(response.json().has("redis")).as("no Redis configured, none reported").isFalse();
	}

	@Test
	void answersHealthAsJsonWithTheVersionAndTheTimeOfTheAnswer() {
		Instant before = Instant.now();
		Response response = this.api.get("/health").anonymous().send();

		assertThat(response.contentType()).isEqualTo("application/json");
		assertThat(response.json().propertyNames()).containsExactly("status", "version", "timestamp", "database");
		assertThat(response.json().get("database").propertyNames()).containsExactly("status", "vendor", "checked_at",
				"age_ms");
		assertThat(response.json().get("version").asString())
			.isEqualTo(this.api.get("/").anonymous().send().json().get("version").asString());
		assertThat(Instant.parse(response.json().get("timestamp").asString())).isBetween(before, Instant.now());
	}

	@Test
	void refusesHealthInAFormatOtherThanJson() {
		Response response = this.api.get("/health").anonymous().header("Accept", "application/xml").send();

		assertThat(response.status()).isEqualTo(406);
	}

	@Test
	void answersFromAProbeOfTheLastSecondsAndSaysWhenItRan() {
		Response response = this.api.get("/health").anonymous().send();

		Instant checkedAt = Instant.parse(response.json().get("database").get("checked_at").asString());
		assertThat(checkedAt).isBetween(Instant.now().minus(DependencyState.STALE), Instant.now());
		assertThat(response.json().get("database").get("age_ms").asLong()).isBetween(0L,
				DependencyState.STALE.toMillis());
	}

	@Test
	void answersKubernetesProbesWithoutCredentials() {
		assertThat(this.api.get("/ready").anonymous().send().status()).isEqualTo(200);
		assertThat(this.api.get("/api/v2/health/ready").anonymous().send().status()).isEqualTo(200);
		assertThat(this.api.get("/api/v2/health/live").anonymous().send().json().get("status").asString())
			.isEqualTo("alive");
		assertThat(this.api.get("/api/v2/health/startup").anonymous().send().status()).isEqualTo(200);
	}

	@Test
	void refusesTrafficWhileTheApplicationRefusesIt() {
		AvailabilityChangeEvent.publish(this.context, ReadinessState.REFUSING_TRAFFIC);
		try {
			Response ready = this.api.get("/ready").anonymous().send();
			assertThat(ready.status()).isEqualTo(503);
			assertThat(ready.contentType()).startsWith("application/problem+json");
			assertThat(ready.json().get("detail").asString()).isEqualTo("Costlens is starting or shutting down");
			assertThat(this.api.get("/api/v2/health/ready").anonymous().send().status()).isEqualTo(503);
			assertThat(this.api.get("/api/v2/health/live").anonymous().send().status()).isEqualTo(200);
		}
		finally {
			AvailabilityChangeEvent.publish(this.context, ReadinessState.ACCEPTING_TRAFFIC);
		}
		assertThat(this.api.get("/ready").anonymous().send().status()).isEqualTo(200);
	}

	@Test
	void showsRuntimeInfoToAdminsOnly() {
		assertThat(this.api.get("/api/v2/health/info").anonymous().send().status()).isEqualTo(401);
		assertThat(this.api.get("/api/v2/health/info").as(this.users.member().apiKey()).send().status()).isEqualTo(403);
		assertThat(this.api.get("/api/v2/health/info").as(this.users.create("viewer", "free").apiKey()).send().status())
			.isEqualTo(403);

		Response response = this.api.get("/api/v2/health/info").send();
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().get("database").get("vendor").asString()).isIn("H2", "PostgreSQL");
	}

	@Test
	void servesTheOpenApiDescriptionAndBothViewers() {
		Response spec = this.api.get("/openapi.json").anonymous().send();
		assertThat(spec.status()).isEqualTo(200);
		assertThat(spec.json().get("openapi").asString()).startsWith("3.");
		assertThat(spec.json().get("paths").has("/health")).isTrue();

		assertThat(this.api.get("/swagger-ui/index.html").anonymous().send().body()).contains("Swagger UI");
		Response redoc = this.api.get("/redoc").anonymous().send();
		assertThat(redoc.status()).isEqualTo(200);
		assertThat(redoc.body()).contains("<redoc spec-url=\"/openapi.json\">");
		assertThat(this.api.get("/webjars/redoc/bundles/redoc.standalone.js").anonymous().send().status())
			.isEqualTo(200);
	}

	@Test
	void redirectsDocsToSwaggerUi() {
		Response response = this.api.get("/docs").anonymous().send();

		assertThat(response.status()).isEqualTo(302);
		assertThat(response.header("Location")).contains("swagger-ui");
	}

}
