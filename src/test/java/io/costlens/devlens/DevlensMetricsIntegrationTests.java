package io.costlens.devlens;

import java.net.http.HttpRequest.BodyPublishers;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import io.costlens.IntegrationTest;
import io.costlens.TestApi;
import io.costlens.TestApi.Response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

@IntegrationTest
class DevlensMetricsIntegrationTests {

	private static final List<String> KPIS = List.of("ai_interaction_velocity", "acceptance_rate",
			"model_selection_accuracy", "error_rate", "token_efficiency", "pr_throughput", "commit_frequency",
			"pr_merge_time_hours", "rework_rate");

	@Autowired
	TestApi api;

	private final String repo = "kpi/" + UUID.randomUUID();

	@Test
	void answersNoDataForAnEmptyWindowNotA500() {
		Response response = this.api.get("/api/metrics?since=3&repo=" + this.repo).send();

		assertThat(response.status()).isEqualTo(200);
		for (String kpi : KPIS) {
			assertThat(response.json().get(kpi).get("value").asDouble()).as(kpi).isZero();
			assertThat(response.json().get(kpi).get("status").asString()).as(kpi).isEqualTo("no_data");
		}
		assertThat(response.json().get("timestamp").asString()).isNotBlank();
	}

	@Test
	void mapsTheReportToKpisWithUnitsThresholdsAndDirection() {
		String today = LocalDate.now(ZoneOffset.UTC).toString();
		StringBuilder body = new StringBuilder();
		for (int i = 0; i < 10; i++) {
			int status = (i < 3) ? 500 : 200;
			body.append("""
					{"timestamp": "%sT0%d:00:00Z", "usage": {"input_tokens": 100, "output_tokens": 100},
					 "attributes": {"llm.model_name": "%s", "status_code": %d, "latency_ms": 1000,
					                "prod_lens.accepted": %s, "accepted_lines": 10},
					 "metadata": {"developer_id": "dev-a", "session_id": "session-k%d", "repo": "%s"}}"""
				.formatted(today, i, (i < 8) ? "anthropic/claude-haiku-4-5" : "gpt-4o", status, i % 2 == 0, i,
						this.repo)
				.replace("\n", "")).append('\n');
		}
		assertThat(this.api.request("POST", "/api/traces", BodyPublishers.ofString(body.toString()))
			.header("Content-Type", "application/x-ndjson")
			.send()
			.status()).isEqualTo(200);

		JsonNode kpis = this.api.get("/api/metrics?since=1&repo=" + this.repo + "&policy_model=anthropic/claude-*")
			.send()
			.json();

		assertThat(kpis.at("/acceptance_rate/value").asDouble()).isCloseTo(50.0, within(1e-9));
		assertThat(kpis.at("/acceptance_rate/unit").asString()).isEqualTo("%");
		assertThat(kpis.at("/acceptance_rate/status").asString()).isEqualTo("good");
		assertThat(kpis.at("/model_selection_accuracy/value").asDouble()).isCloseTo(80.0, within(1e-9));
		assertThat(kpis.at("/model_selection_accuracy/status").asString()).isEqualTo("good");
		assertThat(kpis.at("/error_rate/value").asDouble()).isCloseTo(30.0, within(1e-9));
		assertThat(kpis.at("/error_rate/threshold").asDouble()).isEqualTo(5.0);
		assertThat(kpis.at("/error_rate/status").asString()).isEqualTo("critical");
		assertThat(kpis.at("/token_efficiency/value").asDouble()).isCloseTo(20.0, within(1e-9));
		assertThat(kpis.at("/token_efficiency/status").asString()).isEqualTo("good");
		assertThat(kpis.at("/ai_interaction_velocity/value").asDouble()).isCloseTo(10 / 9.0, within(1e-9));
		assertThat(kpis.at("/ai_interaction_velocity/status").asString()).isEqualTo("critical");
		assertThat(kpis.at("/pr_merge_time_hours/status").asString()).isEqualTo("no_data");
	}

	@Test
	void refusesBadParametersNamingThem() {
		for (String query : List.of("lag_days=8", "lag_days=-1", "lag_days=x", "since=soon", "repo=../x")) {
			Response response = this.api.get("/api/metrics/raw?" + query).send();
			assertThat(response.status()).as(query).isEqualTo(422);
			assertThat(response.contentType()).startsWith("application/problem+json");
			assertThat(response.body()).as(query).contains(query.substring(0, query.indexOf('=')));
		}
	}

}
