package io.costlens.platform.cache;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

import io.costlens.CostlensApplication;
import io.costlens.IntegrationTest;
import io.costlens.TestApi;
import io.costlens.TestApi.Response;
import io.costlens.TestUsers;
import io.costlens.scenarios.Scenarios;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cached reads are answered from the cache until a write changes what they were computed
 * from; then the very next read is fresh, on this instance and (with Redis) on another.
 */
class CachingIntegrationTests {

	@Nested
	@IntegrationTest
	class InTheJvm {

		@Autowired
		TestApi api;

		@Autowired
		TestUsers users;

		@Test
		void answersARepeatedReadFromTheCacheAndAReadAfterAWriteFresh() {
			String scenario = runningScenario(this.api);
			String metrics = "/api/v2/scenarios/" + scenario + "/metrics";
			long hits = hits("query.scenario-metrics");

			assertThat(requests(this.api.get(metrics).send())).isZero();
			assertThat(requests(this.api.get(metrics).send())).isZero();
			assertThat(hits("query.scenario-metrics")).isEqualTo(hits + 1);

			ingest(this.api, scenario);
			assertThat(requests(this.api.get(metrics).send())).isEqualTo(1);
			ingest(this.api, scenario);
			assertThat(requests(this.api.get("/api/v1/scenarios/" + scenario + "/metrics").send())).isEqualTo(2);
		}

		@Test
		void showsAChangedPriceAtOnce() {
			String region = "cache-" + UUID.randomUUID().toString().substring(0, 8);
			String id = this.api.post("/api/v2/pricing", price(region, "0.40")).send().json().get("id").asString();
			assertThat(pricePerUnit(region)).isEqualTo("0.4");
			assertThat(pricePerUnit(region)).isEqualTo("0.4");

			assertThat(this.api.put("/api/v2/pricing/" + id, "{\"price_per_unit\":\"0.55\"}").send().status())
				.isEqualTo(200);
			assertThat(pricePerUnit(region)).isEqualTo("0.55");
		}

		@Test
		void seesPredictionStatsMoveWithEachLoggedPrediction() {
			String model = "cache-model-" + UUID.randomUUID();
			String stats = "/api/v2/stats?model_name=" + model;
			assertThat(this.api.get(stats).send().json().get("total_requests").asLong()).isZero();

			this.api
				.post("/api/v2/predict-log",
						"{\"model_name\":\"" + model + "\",\"duration_ms\":10,\"was_successful\":true}")
				.send();
			assertThat(this.api.get(stats).send().json().get("total_requests").asLong()).isEqualTo(1);
		}

		@Test
		void computesAfreshWhenAskedToRefresh() {
			String scenario = runningScenario(this.api);
			String metrics = "/api/v2/scenarios/" + scenario + "/metrics";
			this.api.get(metrics).send();
			long misses = misses("query.scenario-metrics");
			long hits = hits("query.scenario-metrics");

			this.api.get(metrics + "?refresh=true").send();

			assertThat(misses("query.scenario-metrics")).isEqualTo(misses + 1);
			assertThat(hits("query.scenario-metrics")).isEqualTo(hits);
		}

		@Test
		void showsItsStatisticsToAdminsOnly() {
			this.api.get("/api/v2/models").send();
			this.api.get("/api/v2/models").send();

			Response stats = this.api.get("/api/v2/cache/stats").send();

			assertThat(stats.status()).isEqualTo(200);
			assertThat(stats.json().get("store").asString()).isEqualTo("caffeine");
			assertThat(stats.json().get("query_ttl_seconds").asLong()).isEqualTo(300);
			assertThat(stats.json().get("report_ttl_seconds").asLong()).isEqualTo(3600);
			assertThat(stats.json().get("price_ttl_seconds").asLong()).isEqualTo(86400);
			JsonNode models = cache(stats.json(), "query.prediction-models");
			assertThat(models.get("level").asString()).isEqualTo("query");
			assertThat(models.get("hits").asLong()).isPositive();
			assertThat(models.get("size").asLong()).isPositive();
			assertThat(models.has("evictions")).isTrue();
			assertThat(this.api.get("/api/v2/cache/stats").as(this.users.member().apiKey()).send().status())
				.isEqualTo(403);
			assertThat(this.api.get("/api/v2/cache/stats").anonymous().send().status()).isEqualTo(401);
		}

		private String pricePerUnit(String region) {
			JsonNode prices = this.api.get("/api/v2/pricing?region=" + region).send().json();
			return new java.math.BigDecimal(prices.get(0).get("price_per_unit").asString()).stripTrailingZeros()
				.toPlainString();
		}

		private long hits(String cache) {
			return cache(this.api.get("/api/v2/cache/stats").send().json(), cache).path("hits").asLong();
		}

		private long misses(String cache) {
			return cache(this.api.get("/api/v2/cache/stats").send().json(), cache).path("misses").asLong();
		}

	}

	@Nested
	@EnabledIfEnvironmentVariable(named = "COSTLENS_TEST_REDIS_URL", matches = ".+",
			disabledReason = "set COSTLENS_TEST_REDIS_URL to run the tests that need a real Redis")
	@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
			properties = { "costlens.redis.url=${COSTLENS_TEST_REDIS_URL}",
					"costlens.cache.redis-key-prefix=costlens-test-cache:" })
	@Import({ TestApi.class, TestUsers.class })
	class InRedis {

		@Autowired
		TestApi api;

		@Autowired
		Environment environment;

		@Autowired
		Scenarios scenarios;

		@Test
		void readsTheOverviewBackFromRedisAsItWasComputed() {
			String scenario = runningScenario(this.api);
			Instant lastWeek = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(7, ChronoUnit.DAYS);
			this.scenarios.importLogs(UUID.fromString(scenario),
					List.of(new Scenarios.TimedLog("an older log", "cache", lastWeek)));
			String overview = "/api/v2/overview?period=30d";

			Response computed = this.api.get(overview).send();
			Response cached = this.api.get(overview).send();

			assertThat(cached.status()).isEqualTo(200);
			assertThat(cached.json()).as("every figure, to the digit").isEqualTo(computed.json());
			assertThat(cached.json().get("usage").get("scenario_logs").asLong()).isPositive();
			assertThat(cache(this.api.get("/api/v2/cache/stats").send().json(), "query.overview").path("hits").asLong())
				.isPositive();
		}

		@Test
		void makesAWriteOnOneInstanceVisibleOnTheOtherAtOnce() {
			try (ConfigurableApplicationContext second = new SpringApplicationBuilder(CostlensApplication.class).run(
					"--server.port=0", "--costlens.redis.url=" + this.environment.getProperty("costlens.redis.url"),
					"--costlens.cache.redis-key-prefix=costlens-test-cache:")) {
				TestApi other = new TestApi(second.getEnvironment());
				String scenario = runningScenario(this.api);
				String metrics = "/api/v2/scenarios/" + scenario + "/metrics";

				assertThat(requests(this.api.get(metrics).send())).isZero();
				assertThat(requests(other.get(metrics).send())).isZero();
				JsonNode stats = this.api.get("/api/v2/cache/stats").send().json();
				assertThat(stats.get("store").asString()).isEqualTo("redis");

				ingest(other, scenario);
				assertThat(requests(this.api.get(metrics).send())).isEqualTo(1);
				ingest(this.api, scenario);
				assertThat(requests(other.get(metrics).send())).isEqualTo(2);

				String overview = "/api/v2/overview?period=24h";
				long logs = this.api.get(overview).send().json().get("usage").get("scenario_logs").asLong();
				assertThat(other.get(overview).send().json().get("usage").get("scenario_logs").asLong())
					.isEqualTo(logs);
				ingest(other, scenario);
				assertThat(this.api.get(overview).send().json().get("usage").get("scenario_logs").asLong())
					.as("the overview cached in Redis, after a log ingested on the other instance")
					.isEqualTo(logs + 1);
			}
		}

	}

	static String runningScenario(TestApi api) {
		String id = api.post("/api/v2/scenarios", "{\"name\":\"cache-" + UUID.randomUUID() + "\"}")
			.send()
			.json()
			.get("id")
			.asString();
		api.post("/api/v2/scenarios/" + id + "/start", "").send();
		return id;
	}

	static void ingest(TestApi api, String scenario) {
		assertThat(api.post("/ingest", "{\"message\":\"hello\",\"source\":\"cache\"}")
			.header("X-Scenario-ID", scenario)
			.send()
			.status()).isEqualTo(202);
	}

	static long requests(Response metrics) {
		assertThat(metrics.status()).isEqualTo(200);
		return metrics.json().get("summary").get("total_requests").asLong();
	}

	static String price(String region, String perUnit) {
		return "{\"service\":\"sqs\",\"region\":\"" + region + "\",\"tier\":\"standard\",\"price_per_unit\":\""
				+ perUnit
				+ "\",\"unit\":\"per_million_requests\",\"effective_from\":\"2026-01-01T00:00:00Z\",\"source\":\"test\"}";
	}

	static JsonNode cache(JsonNode stats, String name) {
		for (JsonNode cache : stats.get("caches")) {
			if (cache.get("name").asString().equals(name)) {
				return cache;
			}
		}
		return tools.jackson.databind.node.MissingNode.getInstance();
	}

}
