package io.costlens.platform.health;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;

import io.costlens.TestApi;
import io.costlens.TestApi.Response;

import static org.assertj.core.api.Assertions.assertThat;

/** Redis shows up in {@code /health} once it is configured, and only then. */
class RedisHealthIntegrationTests {

	@Nested
	@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "costlens.redis.url=redis://127.0.0.1:1")
	@Import(TestApi.class)
	class WhenRedisIsUnreachable {

		@Autowired
		TestApi api;

		@Test
		void reportsRedisDownAndTheServiceDegraded() {
			Response health = this.api.get("/health").anonymous().send();

			assertThat(health.status()).isEqualTo(200);
			assertThat(health.json().get("status").asString()).isEqualTo("degraded");
			assertThat(health.json().get("redis").get("status").asString()).isEqualTo("down");
			assertThat(health.json().get("database").get("status").asString()).isEqualTo("up");
		}

	}

	@Nested
	@EnabledIfEnvironmentVariable(named = "COSTLENS_TEST_REDIS_URL", matches = ".+",
			disabledReason = "set COSTLENS_TEST_REDIS_URL to run the tests that need a real Redis")
	@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
			properties = "costlens.redis.url=${COSTLENS_TEST_REDIS_URL}")
	@Import(TestApi.class)
	class WhenRedisAnswers {

		@Autowired
		TestApi api;

		@Test
		void reportsRedisUp() {
			Response health = this.api.get("/health").anonymous().send();

			assertThat(health.json().get("status").asString()).isEqualTo("healthy");
			assertThat(health.json().get("redis").get("status").asString()).isEqualTo("up");
		}

	}

}
