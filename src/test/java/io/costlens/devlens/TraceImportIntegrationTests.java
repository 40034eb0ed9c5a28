package io.costlens.devlens;

import java.net.http.HttpRequest.BodyPublishers;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.costlens.IntegrationTest;
import io.costlens.TestApi;
import io.costlens.TestApi.Response;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class TraceImportIntegrationTests {

	@Autowired
	TestApi api;

	@Autowired
	JdbcClient jdbc;

	private final String repo = "acme/" + UUID.randomUUID();

	@Test
	void importsTracesOnceAndUpdatesThemWhenSentAgain() {
		String body = IntStream.range(0, 5)
			.mapToObj((i) -> trace("2025-10-12T19:0" + i + ":00Z", "claude-haiku-4-5", 100 + i))
			.collect(Collectors.joining("\n"));

		Response first = ndjson(body);
		assertThat(first.status()).isEqualTo(200);
		assertThat(first.json().get("inserted").asLong()).isEqualTo(5);
		assertThat(first.json().get("updated").asLong()).isZero();
		assertThat(first.json().get("rejected")).isEmpty();

		Response again = ndjson(body);
		assertThat(again.json().get("inserted").asLong()).isZero();
		assertThat(again.json().get("updated").asLong()).isEqualTo(5);
		assertThat(sessions()).isEqualTo(5);
		assertThat(rollupSessions()).isEqualTo(5);
	}

	@Test
	void pricesEachSessionFromTheCatalogAndFlagsUnknownModelsUnpriced() {
		ndjson(trace("2025-10-12T19:00:00Z", "anthropic/claude-haiku-4-5-20251001", 1_000_000) + "\n"
				+ trace("2025-10-12T19:01:00Z", "acme-internal-model", 1_000_000));

		assertThat(this.jdbc.sql("select cost_usd from devlens_sessions where repo_slug = :r and model like 'anth%'")
			.param("r", this.repo)
			.query(java.math.BigDecimal.class)
			.single()).isEqualByComparingTo("1.5");
		assertThat(this.jdbc.sql("select count(*) from devlens_sessions where repo_slug = :r and cost_usd is null")
			.param("r", this.repo)
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(this.jdbc
			.sql("select sum(unpriced_count) from devlens_daily where repo_slug = :r and model = 'acme-internal-model'")
			.param("r", this.repo)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void usesThePriceInForceOnTheSessionsDay() {
		ndjson(trace("2025-06-01T12:00:00Z", "o3", 1_000_000) + "\n" + trace("2025-06-20T12:00:00Z", "o3", 1_000_000));

		assertThat(this.jdbc.sql("select cost_usd from devlens_sessions where repo_slug = :r order by started_at")
			.param("r", this.repo)
			.query(java.math.BigDecimal.class)
			.list()).usingElementComparator(java.math.BigDecimal::compareTo)
			.containsExactly(new java.math.BigDecimal("14"), new java.math.BigDecimal("2.8"));
	}

	@Test
	void keepsTheGoodLinesAndListsTheTruncatedOnesWithTheirReason() {
		String body = trace("2025-10-12T19:00:00Z", "gpt-4o", 10) + "\n"
				+ "{\"timestamp\": \"2025-10-12T19:01:00Z\", \"usage\": {\"input_tok\n" + "\n"
				+ trace("2025-10-12T19:02:00Z", "gpt-4o", 20) + "\n" + "{\"usage\": {}}\n";

		Response response = ndjson(body);

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().get("inserted").asLong()).isEqualTo(2);
		JsonNode rejected = response.json().get("rejected");
		assertThat(rejected).hasSize(2);
		assertThat(rejected.get(0).get("line").asInt()).isEqualTo(2);
		assertThat(rejected.get(0).get("reason").asString()).contains("not a JSON value");
		assertThat(rejected.get(1).get("line").asInt()).isEqualTo(5);
		assertThat(rejected.get(1).get("reason").asString()).contains("timestamp");

		Response kept = this.api
			.get("/api/traces/rejected?import_id=" + response.json().get("import_id").asString() + "&page_size=10")
			.send();
		assertThat(kept.status()).isEqualTo(200);
		assertThat(kept.json().get("total").asLong()).isEqualTo(2);
		assertThat(kept.json().get("items").get(0).get("content").asString()).isEqualTo("{\"usage\": {}}");
	}

	@Test
	void readsAJsonArrayAsAStream() {
		String body = "[" + trace("2025-10-12T19:00:00Z", "gpt-4o", 10) + ", "
				+ trace("2025-10-12T19:01:00Z", "gpt-4o", 11) + ", {\"nope\": 1}]";

		Response response = this.api.post("/api/traces", body).send();

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().get("inserted").asLong()).isEqualTo(2);
		assertThat(response.json().get("rejected").get(0).get("line").asInt()).isEqualTo(3);
	}

	@Test
	void importsTheLiteLlmSampleWithItsModelsPriced() throws Exception {
		Response response = this.api
			.request("POST", "/api/traces?repo=" + this.repo,
					BodyPublishers.ofString(TraceNormalizerTests.resource("litellm-traces.jsonl")))
			.header("Content-Type", "application/x-ndjson")
			.send();

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().get("rejected")).isEmpty();
		assertThat(this.jdbc
			.sql("select count(*) from devlens_sessions where model = 'anthropic/claude-3-5-sonnet-20241022' "
					+ "and session_id = 'abc123' and cost_usd = 0.003")
			.query(Long.class)
			.single()).isPositive();
	}

	@Test
	void refusesABadRepoParameterAndStoresNothing() {
		Response response = this.api
			.request("POST", "/api/traces?repo=../x", BodyPublishers.ofString(trace("2025-10-12T19:00:00Z", "x", 1)))
			.header("Content-Type", "application/x-ndjson")
			.send();

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("message").asString()).contains("repo");
	}

	@Test
	void letsViewersReadButNotImport() {
		assertThat(this.api.post("/api/traces", "[]").anonymous().send().status()).isEqualTo(401);
		assertThat(this.api.get("/api/traces/rejected").anonymous().send().status()).isEqualTo(401);
		assertThat(this.api.get("/api/traces/rejected?page_size=0").send().status()).isEqualTo(422);
	}

	private Response ndjson(String body) {
		return this.api.request("POST", "/api/traces", BodyPublishers.ofString(body))
			.header("Content-Type", "application/x-ndjson")
			.send();
	}

	private String trace(String at, String model, long tokens) {
		return """
				{"timestamp": "%s", "usage": {"input_tokens": %d, "output_tokens": %d},
				 "attributes": {"llm.model_name": "%s", "latency_ms": 900, "status_code": 200},
				 "metadata": {"developer_id": "dev-%s", "session_id": "session-%s", "repo": "%s"}}"""
			.formatted(at, tokens, tokens / 10, model, at, at.replace(":", ""), this.repo)
			.replace("\n", "");
	}

	private long sessions() {
		return this.jdbc.sql("select count(*) from devlens_sessions where repo_slug = :r")
			.param("r", this.repo)
			.query(Long.class)
			.single();
	}

	private long rollupSessions() {
		return this.jdbc.sql("select sum(session_count) from devlens_daily where repo_slug = :r")
			.param("r", this.repo)
			.query(Long.class)
			.single();
	}

}
