package io.costlens.reports;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

import org.springframework.jdbc.core.simple.JdbcClient;

import io.costlens.TestApi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Scenarios with logs, and reports of them, through the API. */
final class ReportFixtures {

	private ReportFixtures() {
	}

	/**
	 * A running scenario with three ingested logs (one with an email address) this hour,
	 * and roll-ups of {@code pastHours} earlier hours.
	 */
	static String scenarioWithLogs(TestApi api, JdbcClient jdbc, int pastHours) {
		String name = "report-" + UUID.randomUUID().toString().substring(0, 8);
		TestApi.Response created = api
			.post("/api/v1/scenarios",
					"{\"name\":\"" + name + "\",\"region\":\"us-east-1\",\"output_tokens_ratio\":0.5}")
			.send();
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String id = created.json().get("id").asString();
		assertThat(api.post("/api/v1/scenarios/" + id + "/start", "").send().status()).isEqualTo(200);
		for (String message : new String[] { "order 1 placed", "mail jane.doe@example.com about order 2",
				"order 3 shipped, \"fast\", tracking 42" }) {
			TestApi.Response ingested = api
				.post("/ingest", "{\"message\":\"" + message.replace("\"", "\\\"") + "\",\"source\":\"checkout\"}")
				.header("X-Scenario-ID", id)
				.send();
			assertThat(ingested.status()).as(ingested.body()).isEqualTo(202);
		}
		Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS);
		for (int i = 1; i <= pastHours; i++) {
			jdbc.sql("""
					insert into scenario_rollups (scenario_id, bucket_start, requests, total_bytes, tokens, sqs_blocks,
					    pii_count) values (:id, :hour, :requests, :bytes, :tokens, :blocks, 0)""")
				.param("id", UUID.fromString(id))
				.param("hour", hour.minus(i, ChronoUnit.HOURS).atOffset(ZoneOffset.UTC))
				.param("requests", 100L * i + 7)
				.param("bytes", 2048L * i)
				.param("tokens", 1234L * i)
				.param("blocks", 100L * i + 7)
				.update();
		}
		return id;
	}

	static String request(TestApi api, String apiKey, String scenarioId, String body) {
		TestApi.Response accepted = api.post("/api/v2/scenarios/" + scenarioId + "/reports", body).as(apiKey).send();
		assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
		return accepted.json().get("report_id").asString();
	}

	/** Waits until the report is completed or failed, and returns its status. */
	static JsonNode finished(TestApi api, String apiKey, String reportId) {
		return await().atMost(Duration.ofSeconds(30))
			.until(() -> api.get("/api/v2/reports/" + reportId + "/status").as(apiKey).send().json(),
					(status) -> status.get("status").asString().matches("completed|failed"));
	}

}
