package io.costlens.platform.ratelimit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.costlens.CostlensApplication;
import io.costlens.TestApi;
import io.costlens.TestApi.Response;
import io.costlens.TestUsers;
import io.costlens.TestUsers.User;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tiered rate limits. The free tier is shrunk to a burst of 5 refilled at 1 a minute, so
 * the sixth quick request is the first refused, whatever the timing.
 */
class RateLimitIntegrationTests {

	static final String SMALL_FREE_TIER = "costlens.ratelimit.tiers.free.per-minute=1";

	static final String SMALL_FREE_BURST = "costlens.ratelimit.tiers.free.burst=5";

	@Nested
	@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
			properties = { "costlens.ratelimit.enabled=true", SMALL_FREE_TIER, SMALL_FREE_BURST,
					"server.forward-headers-strategy=native" })
	@Import({ TestApi.class, TestUsers.class })
	class InMemory {

		@Autowired
		TestApi api;

		@Autowired
		TestUsers users;

		@Test
		void refusesTheRequestAfterTheBurstWith429AndRetryAfter() {
			User user = this.users.member();
			List<Integer> statuses = new ArrayList<>();
			Response last = null;
			for (int i = 0; i < 6; i++) {
				last = this.api.get("/api/v2/auth/me").as(user.apiKey()).send();
				statuses.add(last.status());
			}

			assertThat(statuses).containsExactly(200, 200, 200, 200, 200, 429);
			assertThat(last.json().get("error").asString()).isEqualTo("rate_limited");
			assertThat(Long.parseLong(last.header("Retry-After"))).isBetween(1L, 60L);
			assertThat(last.header("X-RateLimit-Remaining")).isEqualTo("0");
		}

		@Test
		void carriesTheHeadersOnEveryResponseIncludingErrors() {
			User user = this.users.member();
			long now = Instant.now().getEpochSecond();

			Response ok = this.api.get("/api/v2/auth/me").as(user.apiKey()).send();
			Response notFound = this.api.get("/api/v2/nothing-here").as(user.apiKey()).send();
			Response badKey = this.api.get("/api/v2/auth/me")
				.as("clk_not-a-key")
				.header("X-Forwarded-For", ip())
				.send();

			assertThat(ok.header("X-RateLimit-Limit")).isEqualTo("1");
			assertThat(ok.header("X-RateLimit-Remaining")).isEqualTo("4");
			assertThat(notFound.status()).isEqualTo(404);
			assertThat(notFound.header("X-RateLimit-Remaining")).isEqualTo("3");
			assertThat(Long.parseLong(notFound.header("X-RateLimit-Reset"))).isBetween(now, now + 6 * 60);
			assertThat(badKey.status()).isEqualTo(401);
			assertThat(badKey.header("X-RateLimit-Remaining")).isEqualTo("4");
		}

		@Test
		void carriesTheHeadersForAnonymousCallersToo() {
			String ip = ip();
			Response root = this.api.get("/").anonymous().header("X-Forwarded-For", ip).send();
			Response login = this.api.post("/api/v2/auth/login", "{\"username\":\"nobody\",\"password\":\"nothing\"}")
				.anonymous()
				.header("X-Forwarded-For", ip)
				.send();
			Response unauthenticated = this.api.get("/api/v2/scenarios")
				.anonymous()
				.header("X-Forwarded-For", ip)
				.send();

			assertThat(root.header("X-RateLimit-Remaining")).isEqualTo("4");
			assertThat(login.status()).isEqualTo(401);
			assertThat(login.header("X-RateLimit-Remaining")).isEqualTo("3");
			assertThat(unauthenticated.status()).isEqualTo(401);
			assertThat(unauthenticated.header("X-RateLimit-Limit")).isEqualTo("1");
			assertThat(unauthenticated.header("X-RateLimit-Remaining")).isEqualTo("2");
			assertThat(unauthenticated.header("X-RateLimit-Reset")).isNotNull();
		}

		@Test
		void limitsAnonymousCallersPerClientIp() {
			String ip = ip();
			List<Integer> statuses = new ArrayList<>();
			for (int i = 0; i < 6; i++) {
				statuses.add(this.api.get("/").anonymous().header("X-Forwarded-For", ip).send().status());
			}

			assertThat(statuses).containsExactly(200, 200, 200, 200, 200, 429);
			assertThat(this.api.get("/").anonymous().header("X-Forwarded-For", ip()).send().status()).isEqualTo(200);
		}

		@Test
		void neverLimitsTheUnlimitedAdminKeyOrTheHealthProbes() {
			String ip = ip();
			for (int i = 0; i < 12; i++) {
				Response admin = this.api.get("/api/v2/auth/me").send();
				assertThat(admin.status()).isEqualTo(200);
				assertThat(admin.header("X-RateLimit-Limit")).isNull();
				assertThat(this.api.get("/health").anonymous().header("X-Forwarded-For", ip).send().status())
					.isEqualTo(200);
			}
		}

		@Test
		void appliesTheTierOfTheUser() {
			User premium = this.users.create("member", "premium");

			Response response = this.api.get("/api/v2/auth/me").as(premium.apiKey()).send();

			assertThat(response.header("X-RateLimit-Limit")).isEqualTo("1000");
			assertThat(response.header("X-RateLimit-Remaining")).isEqualTo("49");
		}

		private static String ip() {
			return "10.9." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250);
		}

	}

	@Nested
	@EnabledIfEnvironmentVariable(named = "COSTLENS_TEST_REDIS_URL", matches = ".+",
			disabledReason = "set COSTLENS_TEST_REDIS_URL to run the tests that need a real Redis")
	@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
			properties = { "costlens.ratelimit.enabled=true", SMALL_FREE_TIER, SMALL_FREE_BURST,
					"costlens.redis.url=${COSTLENS_TEST_REDIS_URL}" })
	@Import({ TestApi.class, TestUsers.class })
	class SharedThroughRedis {

		/** Buckets of this run only: the test Redis is shared. */
		static final String PREFIX = "costlens-test:" + UUID.randomUUID() + ":";

		@DynamicPropertySource
		static void keyPrefix(DynamicPropertyRegistry registry) {
			registry.add("costlens.ratelimit.redis-key-prefix", () -> PREFIX);
		}

		@Autowired
		TestApi api;

		@Autowired
		TestUsers users;

		@Autowired
		Environment environment;

		@Test
		void holdsTheLimitAcrossTwoInstances() {
			User user = this.users.member();
			try (ConfigurableApplicationContext second = new SpringApplicationBuilder(CostlensApplication.class)
				// arguments, not default properties: they must win over the build's
				// system properties
				.run("--server.port=0", "--costlens.ratelimit.enabled=true", "--" + SMALL_FREE_TIER,
						"--" + SMALL_FREE_BURST,
						"--costlens.redis.url=" + this.environment.getProperty("costlens.redis.url"),
						"--costlens.ratelimit.redis-key-prefix=" + PREFIX)) {
				TestApi other = new TestApi(second.getEnvironment());
				List<Integer> statuses = new ArrayList<>();
				for (int i = 0; i < 10; i++) {
					TestApi instance = (i % 2 == 0) ? this.api : other;
					statuses.add(instance.get("/api/v2/auth/me").as(user.apiKey()).send().status());
				}

				assertThat(statuses).containsExactly(200, 200, 200, 200, 200, 429, 429, 429, 429, 429);
			}
		}

	}

}
