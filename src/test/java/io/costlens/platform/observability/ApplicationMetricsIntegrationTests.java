package io.costlens.platform.observability;

import java.net.http.HttpRequest.BodyPublishers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import io.costlens.IntegrationTest;
import io.costlens.TestApi;
import io.costlens.TestApi.Response;
import io.costlens.TestUsers;
import io.costlens.TestUsers.User;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What an operator reads at {@code /actuator/prometheus} and
 * {@code /api/v2/health/metrics} moves when users do things, and no label names a user's
 * resource.
 */
@IntegrationTest
@TestPropertySource(properties = { "costlens.ratelimit.enabled=true", "costlens.ratelimit.tiers.free.per-minute=1",
		"costlens.ratelimit.tiers.free.burst=3" })
class ApplicationMetricsIntegrationTests {

	@Autowired
	TestApi api;

	@Autowired
	TestUsers users;

	@Test
	void countsIngestedLogsPiiByTypePredictionsAndTracesWithBoundedLabels() {
		String scenario = runningScenario();
		double emails = value("costlens_pii_found_total{type=\"email\"}");
		double batches = value("costlens_group_commit_batch_size_count{committer=\"scenario-logs\"}");
		double predictions = value("costlens_predictions_logged_total");
		double traces = value("costlens_traces_imported_total{outcome=\"inserted\"}");

		assertThat(this.api.post("/ingest", "{\"message\":\"mail ann@example.com\",\"source\":\"t\"}")
			.header("X-Scenario-ID", scenario)
			.send()
			.status()).isEqualTo(202);
		assertThat(this.api
			.post("/api/v2/predict-log", "{\"model_name\":\"metrics-model\",\"duration_ms\":5,\"was_successful\":true}")
			.send()
			.status()).isEqualTo(201);
		String trace = "{\"timestamp\":\"2026-11-30T10:00:00Z\",\"usage\":{\"input_tokens\":1,\"output_tokens\":1},"
				+ "\"attributes\":{\"llm.model_name\":\"gpt-4o\"},\"metadata\":{\"developer_id\":\"m\",\"session_id\":\"m-"
				+ UUID.randomUUID() + "\",\"repo\":\"acme/metrics\"}}\n";
		assertThat(this.api.request("POST", "/api/v2/traces", BodyPublishers.ofString(trace))
			.header("Content-Type", "application/x-ndjson")
			.send()
			.status()).isEqualTo(200);

		String scrape = scrape();
		assertThat(value(scrape, "costlens_pii_found_total{type=\"email\"}")).isEqualTo(emails + 1);
		assertThat(value(scrape, "costlens_group_commit_batch_size_count{committer=\"scenario-logs\"}"))
			.isGreaterThan(batches);
		assertThat(value(scrape, "costlens_predictions_logged_total")).isEqualTo(predictions + 1);
		assertThat(value(scrape, "costlens_traces_imported_total{outcome=\"inserted\"}")).isEqualTo(traces + 1);
		assertThat(scrape).contains("http_server_response_size_bytes_count{method=\"POST\",outcome=\"SUCCESS\","
				+ "status=\"202\",uri=\"/ingest\"}");
		assertThat(scrape).contains("uri=\"/api/v2/scenarios/{id}/start\"").doesNotContain(scenario);
	}

	@Test
	void countsJobRunsPerKind() {
		double started = value("costlens_jobs_started_total{kind=\"reports-generate\"}");
		String report = this.api.post("/api/v2/scenarios/" + runningScenario() + "/reports", "{\"format\":\"csv\"}")
			.send()
			.json()
			.get("report_id")
			.asString();
		await().atMost(Duration.ofSeconds(60))
			.until(() -> this.api.get("/api/v2/reports/" + report + "/status")
				.send()
				.json()
				.get("status")
				.asString()
				.equals("completed"));

		// On a shared PostgreSQL schema the scheduler of another cached test context may
		// have
		// run the job: its meters moved there, not here.
		Assumptions.assumeTrue(value("costlens_jobs_started_total{kind=\"reports-generate\"}") > started,
				"another test context's scheduler ran the report job");
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(
					() -> assertThat(value("costlens_jobs_succeeded_total{kind=\"reports-generate\"}")).isPositive());
		assertThat(scrape()).contains("costlens_job_seconds_count{error=\"none\",kind=\"reports-generate\"}");
	}

	@Test
	void countsRateLimitRejectionsByTier() {
		User user = this.users.create("viewer", "free");
		double before = value("costlens_ratelimit_rejected_total{caller=\"authenticated\",tier=\"free\"}");
		List<Integer> statuses = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			statuses.add(this.api.get("/api/v2/auth/me").as(user.apiKey()).send().status());
		}

		assertThat(statuses).containsExactly(200, 200, 200, 429);
		assertThat(value("costlens_ratelimit_rejected_total{caller=\"authenticated\",tier=\"free\"}"))
			.isEqualTo(before + 1);
	}

	@Test
	void summarisesTheMetricsAsJsonForSignedInCallers() {
		String scenario = runningScenario();
		this.api.post("/ingest", "{\"message\":\"hello\",\"source\":\"t\"}").header("X-Scenario-ID", scenario).send();

		Response summary = this.api.get("/api/v2/health/metrics").send();

		assertThat(summary.status()).isEqualTo(200);
		JsonNode body = summary.json();
		assertThat(body.get("http").get("requests").asLong()).isPositive();
		assertThat(body.get("http").get("response_bytes").asLong()).isPositive();
		assertThat(body.get("database").get("connections_max").asDouble()).isPositive();
		assertThat(body.get("jvm").get("heap_used_bytes").asDouble()).isPositive();
		assertThat(body.get("group_commits").get("scenario-logs").get("batches").asLong()).isPositive();
		assertThat(body.get("counters").get("costlens.logs.ingested").asDouble()).isPositive();
		assertThat(this.api.get("/api/v2/health/metrics").anonymous().send().status()).isEqualTo(401);
	}

	private String runningScenario() {
		String id = this.api.post("/api/v2/scenarios", "{\"name\":\"metrics-" + UUID.randomUUID() + "\"}")
			.send()
			.json()
			.get("id")
			.asString();
		this.api.post("/api/v2/scenarios/" + id + "/start", "").send();
		return id;
	}

	private String scrape() {
		Response scrape = this.api.get("/actuator/prometheus").send();
		assertThat(scrape.status()).isEqualTo(200);
		return scrape.body();
	}

	private double value(String series) {
		return value(scrape(), series);
	}

	/**
	 * The value of one series (name and exact labels, as Prometheus prints them), 0 if
	 * absent.
	 */
	private static double value(String scrape, String series) {
		Matcher line = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(scrape);
		return line.find() ? Double.parseDouble(line.group(1)) : 0;
	}

}
