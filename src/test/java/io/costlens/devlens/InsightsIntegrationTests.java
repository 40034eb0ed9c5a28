package io.costlens.devlens;

import java.net.http.HttpRequest.BodyPublishers;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import io.costlens.IntegrationTest;
import io.costlens.TestApi;
import io.costlens.TestApi.Response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Insights over a known series: the sessions of ten days and the commits and merged PRs
 * of the day after each. The expected r and p are SciPy 1.17.1's {@code pearsonr} and
 * {@code spearmanr} of those counts, and its {@code false_discovery_control} of the six
 * p-values (see {@link CorrelationTests}).
 */
@IntegrationTest
class InsightsIntegrationTests {

	private static final int[] SESSIONS = { 12, 15, 9, 20, 18, 25, 22, 30, 28, 35 };

	private static final int[] OUTCOMES = { 3, 4, 2, 6, 4, 7, 8, 9, 7, 11 };

	private static final LocalDate FIRST = LocalDate.of(2025, 5, 1);

	@Autowired
	TestApi api;

	private final String tag = UUID.randomUUID().toString().substring(0, 8);

	@Test
	void correlatesDailySessionsWithTheNextDaysCommitsAndMergedPrs() {
		String repo = "ins/" + this.tag;
		importSeries(repo);

		Response response = this.api.get("/api/insights?since=2025-05-01&lag_days=1&repo=" + repo).send();

		assertThat(response.status()).isEqualTo(200);
		JsonNode correlations = response.json().get("correlations");
		assertThat(correlations).hasSize(6);
		for (JsonNode c : correlations) {
			boolean pearson = c.get("method").asString().equals("pearson");
			assertThat(c.get("r").asDouble()).as(c.toString())
				.isCloseTo(pearson ? 0.9588663674005629 : 0.9573348703109935, within(1e-9));
			assertThat(c.get("p_value").asDouble()).as(c.toString())
				.isCloseTo(pearson ? 1.1916981910480475e-05 : 1.3767647149143998e-05, within(1e-12));
			assertThat(c.get("adjusted_p_value").asDouble()).isCloseTo(1.3767647149143998e-05, within(1e-12));
			assertThat(c.get("count").asInt()).isEqualTo(10);
			assertThat(c.get("lag_days").asInt()).isEqualTo(1);
			assertThat(c.get("significant").asBoolean()).isTrue();
			assertThat(c.get("reliable").asBoolean()).isTrue();
			assertThat(c.get("effect_size").asString()).isEqualTo("large");
		}
		assertThat(correlations.get(0).get("variable1").asString()).isEqualTo("daily_sessions");
		assertThat(correlations.get(0).get("variable2").asString()).isEqualTo("daily_commits");
		assertThat(response.json().get("anomalies")).isEmpty();
		assertThat(response.json().get("key_findings").get(0).asString()).isNotBlank();
		assertThat(response.json().get("recommendations")).isNotEmpty();
		assertThat(response.json().get("generated_at").asString()).isNotBlank();
	}

	@Test
	void namesTheDayMetricValueAndBaselineOfAnAnomaly() {
		String repo = "spike/" + this.tag;
		StringBuilder body = new StringBuilder();
		for (int day = 0; day < 10; day++) {
			long tokens = (day == 7) ? 50_000 : 1000 + 10 * day;
			body.append(trace(repo, FIRST.plusDays(day), 0, tokens)).append('\n');
		}
		post(body.toString());

		JsonNode anomalies = this.api.get("/api/insights?since=2025-05-01&repo=" + repo).send().json().get("anomalies");

		JsonNode tokens = null;
		for (JsonNode a : anomalies) {
			if (a.get("metric").asString().equals("daily_tokens")) {
				tokens = a;
			}
		}
		assertThat(tokens).as(anomalies.toString()).isNotNull();
		assertThat(tokens.get("date").asString()).isEqualTo("2025-05-08");
		assertThat(tokens.get("value").asDouble()).isEqualTo(55_000.0);
		assertThat(tokens.get("baseline").asDouble()).isEqualTo(1149.5);
		assertThat(tokens.get("direction").asString()).isEqualTo("above");
	}

	@Test
	void saysSoWhenThereIsNoData() {
		JsonNode body = this.api.get("/api/insights?since=1&repo=none/" + this.tag).send().json();

		assertThat(body.get("key_findings").get(0).asString()).isEqualTo("Collecting data for insights...");
		assertThat(body.get("correlations").get(0).get("r").isNull()).isTrue();
		assertThat(body.get("correlations").get(0).get("count").asInt()).isZero();
	}

	@Test
	void refusesALagOutsideZeroToSeven() {
		Response response = this.api.get("/api/insights?lag_days=8").send();

		assertThat(response.status()).isEqualTo(422);
		assertThat(response.body()).contains("lag_days");
	}

	private void importSeries(String repo) {
		StringBuilder body = new StringBuilder();
		StringBuilder commits = new StringBuilder();
		StringBuilder prs = new StringBuilder();
		long prId = 2_000_000_000L + Math.abs(this.tag.hashCode() % 100_000) * 1000L;
		for (int day = 0; day < SESSIONS.length; day++) {
			for (int s = 0; s < SESSIONS[day]; s++) {
				body.append(trace(repo, FIRST.plusDays(day), s, 1000)).append('\n');
			}
			LocalDate next = FIRST.plusDays(day + 1);
			for (int c = 0; c < OUTCOMES[day]; c++) {
				String sha = String.format("%s%02d%02d", this.tag.replaceAll("[^0-9a-f]", "b"), day, c);
				commits.append((commits.length() > 0) ? "," : "")
					.append("{\"sha\": \"%s\", \"author\": \"dev\", \"timestamp\": \"%sT10:00:00Z\"}".formatted(sha,
							next));
				prs.append((prs.length() > 0) ? "," : "")
					.append(("{\"id\": %d, \"number\": %d, \"state\": \"closed\", \"created_at\": \"%sT01:00:00Z\", "
							+ "\"merged_at\": \"%sT12:00:00Z\"}")
						.formatted(prId, prId % 100000 + 1, next, next));
				prId++;
			}
		}
		post(body.toString());
		assertThat(
				this.api
					.post("/api/github/import",
							"{\"repo\": \"" + repo + "\", \"commits\": [" + commits + "], \"pull_requests\": [" + prs
									+ "]}")
					.send()
					.status())
			.isEqualTo(200);
	}

	private void post(String ndjson) {
		Response response = this.api.request("POST", "/api/traces", BodyPublishers.ofString(ndjson))
			.header("Content-Type", "application/x-ndjson")
			.send();
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().get("rejected")).isEmpty();
	}

	private String trace(String repo, LocalDate day, int n, long tokens) {
		return ("{\"timestamp\": \"%sT%02d:%02d:00Z\", \"usage\": {\"input_tokens\": %d, \"output_tokens\": %d}, "
				+ "\"attributes\": {\"llm.model_name\": \"gpt-4o-mini\", \"latency_ms\": 700, \"status_code\": 200}, "
				+ "\"metadata\": {\"developer_id\": \"dev\", \"session_id\": \"session-%s-%s-%d\", \"repo\": \"%s\"}}")
			.formatted(day, 8 + n / 60, n % 60, tokens, tokens / 10, this.tag, day, n, repo);
	}

}
