package io.costlens.scenarios;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.costlens.IntegrationTest;
import io.costlens.TestApi;
import io.costlens.platform.GroupCommitter;

import static io.costlens.scenarios.ScenarioFixtures.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Metrics over a known dataset spread over four hours with a price change in the middle,
 * checked against a cost recomputed here from the raw logs.
 */
@IntegrationTest
class MetricsIntegrationTests {

	private static final Instant T0 = Instant.parse("2026-03-01T03:00:00Z");

	private static final Instant CHANGE = Instant.parse("2026-03-01T05:00:00Z");

	@Autowired
	TestApi api;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	GroupCommitter<StoredLog, LogWriter.Outcome> writer;

	@Test
	void pricesEachHourWithThePriceInForceThen() {
		String region = "test-" + UUID.randomUUID().toString().substring(0, 8);
		String sqsPrice = addPrice("sqs", region, "standard", "0.40", "per_million_requests");
		addPrice("lambda", region, "x86_request", "0.20", "per_million_requests");
		addPrice("lambda", region, "x86_compute", "0.0000166667", "per_gb_second");
		addPrice("bedrock", region, "claude_3_sonnet_input", "0.003", "per_1k_tokens");
		addPrice("bedrock", region, "claude_3_sonnet_output", "0.015", "per_1k_tokens");
		TestApi.Response changed = this.api
			.put("/api/v1/pricing/" + sqsPrice, "{\"price_per_unit\":\"0.50\",\"effective_from\":\"" + CHANGE + "\"}")
			.send();
		assertThat(changed.status()).isEqualTo(200);
		String id = ScenarioFixtures.create(this.api,
				"{\"name\":\"" + uniqueName("metrics") + "\",\"region\":\"" + region
						+ "\",\"lambda_batch_size\":3,\"lambda_memory_mb\":512,\"lambda_duration_ms\":250,"
						+ "\"output_tokens_ratio\":0.5}");
		this.api.post("/api/v1/scenarios/" + id + "/start", "").send();
		List<StoredLog> logs = dataset(UUID.fromString(id));
		this.writer.writeAll(logs);

		JsonNode metrics = this.api.get("/api/v1/scenarios/" + id + "/metrics").send().json();

		Expected expected = recompute(logs);
		JsonNode summary = metrics.get("summary");
		assertThat(summary.get("total_requests").asLong()).isEqualTo(logs.size());
		assertThat(summary.get("lambda_invocations").asLong()).isEqualTo(expected.invocations);
		assertThat(summary.get("sqs_blocks").asLong()).isEqualTo(expected.blocks);
		assertThat(summary.get("llm_tokens").asLong()).isEqualTo(expected.tokens);
		assertThat(summary.get("pii_violations").asLong()).isEqualTo(2);
		assertThat(summary.get("total_cost_usd").asString()).isEqualTo(display(expected.total()));
		assertThat(metrics.get("cost_breakdown").get(0).get("cost_usd").asString()).isEqualTo(display(expected.sqs));
		assertThat(metrics.get("cost_breakdown").get(1).get("cost_usd").asString()).isEqualTo(display(expected.lambda));
		assertThat(metrics.get("cost_breakdown").get(2).get("cost_usd").asString())
			.isEqualTo(display(expected.bedrock));
		assertThat(metrics.get("warnings").size()).isZero();
		assertThat(points(metrics, "requests")).hasSize(4);
		assertThat(points(metrics, "cost_usd").get(0).get("value").asString())
			.isEqualTo(display(expected.perHour.firstEntry().getValue()));

		JsonNode daily = this.api.get("/api/v1/scenarios/" + id + "/metrics?granularity=day").send().json();
		assertThat(points(daily, "requests")).hasSize(1);
		assertThat(points(daily, "requests").get(0).get("value").asLong()).isEqualTo(logs.size());
		assertThat(points(daily, "cost_usd").get(0).get("value").asString()).isEqualTo(display(expected.total()));

		JsonNode lateOnly = this.api.get("/api/v1/scenarios/" + id + "/metrics?from=" + CHANGE).send().json();
		assertThat(lateOnly.get("summary").get("total_requests").asLong())
			.isEqualTo(logs.stream().filter((l) -> !l.receivedAt().isBefore(CHANGE)).count());
	}

	@Test
	void readsRollupsNotLogs() {
		String id = ScenarioFixtures.createRunning(this.api, "us-east-1");
		this.writer.writeAll(dataset(UUID.fromString(id)));
		String before = this.api.get("/api/v1/scenarios/" + id + "/metrics").send().body();

		this.jdbc.sql("delete from scenario_logs where scenario_id = :id").param("id", UUID.fromString(id)).update();

		assertThat(this.api.get("/api/v1/scenarios/" + id + "/metrics").send().body()).isEqualTo(before);
	}

	@Test
	void warnsAboutAMissingPriceInsteadOfInventingOne() {
		String id = ScenarioFixtures.createRunning(this.api, "ap-southeast-1");
		ScenarioFixtures.ingest(this.api, id, "some words for tokens");

		JsonNode metrics = this.api.get("/api/v1/scenarios/" + id + "/metrics").send().json();

		assertThat(metrics.get("warnings").toString()).contains("bedrock/ap-southeast-1/claude_3_sonnet_input");
		assertThat(metrics.get("cost_breakdown").get(2).get("cost_usd").isNull()).isTrue();
		assertThat(metrics.get("cost_breakdown").get(0).get("cost_usd").asString()).isEqualTo("0.0000004000");
		assertThat(metrics.get("summary").get("total_cost_usd").asString()).isEqualTo(display(
				new BigDecimal("0.0000004").add(new BigDecimal("0.0000002")).add(new BigDecimal("0.0000166667"))));
	}

	@Test
	void answersNotFoundForAnUnknownScenario() {
		assertThat(this.api.get("/api/v1/scenarios/" + UUID.randomUUID() + "/metrics").send().status()).isEqualTo(404);
	}

	private List<StoredLog> dataset(UUID scenario) {
		List<StoredLog> logs = new ArrayList<>();
		int[] perHour = { 4, 1, 7, 3 };
		for (int h = 0; h < perHour.length; h++) {
			for (int i = 0; i < perHour[h]; i++) {
				Instant at = T0.plus(h, ChronoUnit.HOURS).plusSeconds(60L * i);
				int size = 100 + 40_000 * i;
				boolean pii = h == 2 && i < 2;
				logs.add(new StoredLog(UUID.randomUUID(), scenario, at, "0".repeat(64), "preview", "test", size, pii,
						pii ? List.of("email") : List.of(), 17 * (i + 1), Math.max(1, (size + 65535) / 65536)));
			}
		}
		return logs;
	}

	/** The SPEC formulas, written out again from the raw logs. */
	private static Expected recompute(List<StoredLog> logs) {
		Map<Instant, List<StoredLog>> hours = new TreeMap<>();
		logs.forEach(
				(l) -> hours.computeIfAbsent(l.receivedAt().truncatedTo(ChronoUnit.HOURS), (k) -> new ArrayList<>())
					.add(l));
		Expected e = new Expected();
		hours.forEach((hour, inHour) -> {
			long blocks = inHour.stream().mapToLong(StoredLog::sqsBlocks).sum();
			long tokens = inHour.stream().mapToLong(StoredLog::tokenCount).sum();
			long invocations = (inHour.size() + 2) / 3;
			BigDecimal sqsPrice = hour.isBefore(CHANGE) ? new BigDecimal("0.40") : new BigDecimal("0.50");
			BigDecimal sqs = sqsPrice.multiply(BigDecimal.valueOf(blocks)).movePointLeft(6);
			BigDecimal gbs = new BigDecimal("0.5").multiply(new BigDecimal("0.25"))
				.multiply(BigDecimal.valueOf(invocations));
			BigDecimal lambda = new BigDecimal("0.20").multiply(BigDecimal.valueOf(invocations))
				.movePointLeft(6)
				.add(gbs.multiply(new BigDecimal("0.0000166667")));
			BigDecimal output = BigDecimal.valueOf(tokens).multiply(new BigDecimal("0.5"));
			BigDecimal bedrock = BigDecimal.valueOf(tokens)
				.multiply(new BigDecimal("0.003"))
				.add(output.multiply(new BigDecimal("0.015")))
				.movePointLeft(3);
			e.sqs = e.sqs.add(sqs);
			e.lambda = e.lambda.add(lambda);
			e.bedrock = e.bedrock.add(bedrock);
			e.blocks += blocks;
			e.tokens += tokens;
			e.invocations += invocations;
			e.perHour.put(hour, sqs.add(lambda).add(bedrock));
		});
		return e;
	}

	private String addPrice(String service, String region, String tier, String price, String unit) {
		TestApi.Response added = this.api
			.post("/api/v1/pricing",
					"{\"service\":\"" + service + "\",\"region\":\"" + region + "\",\"tier\":\"" + tier
							+ "\",\"price_per_unit\":\"" + price + "\",\"unit\":\"" + unit
							+ "\",\"effective_from\":\"2026-01-01T00:00:00Z\",\"source\":\"test\"}")
			.send();
		assertThat(added.status()).isEqualTo(201);
		return added.json().get("id").asString();
	}

	private static List<JsonNode> points(JsonNode metrics, String type) {
		List<JsonNode> points = new ArrayList<>();
		metrics.get("timeseries").forEach((p) -> {
			if (p.get("metric_type").asString().equals(type)) {
				points.add(p);
			}
		});
		return points;
	}

	private static String display(BigDecimal value) {
		return value.setScale(10, RoundingMode.HALF_EVEN).toPlainString();
	}

	private static final class Expected {

		BigDecimal sqs = BigDecimal.ZERO;

		BigDecimal lambda = BigDecimal.ZERO;

		BigDecimal bedrock = BigDecimal.ZERO;

		long blocks;

		long tokens;

		long invocations;

		TreeMap<Instant, BigDecimal> perHour = new TreeMap<>();

		BigDecimal total() {
			return this.sqs.add(this.lambda).add(this.bedrock);
		}

	}

}
