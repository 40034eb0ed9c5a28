package io.costlens.devlens;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TraceNormalizerTests {

	private final JsonMapper json = JsonMapper.builder().build();

	private final TraceNormalizer normalizer = new TraceNormalizer(this.json);

	@Test
	void normalisesTheFixtureAsProdLensStoredItWithTheSameTraceHashes() throws IOException {
		List<String> lines = resource("metrics_fixture/traces.jsonl").lines().toList();
		JsonNode expected = this.json.readTree(resource("metrics_fixture/expected_sessions_rows.json"));
		for (int i = 0; i < lines.size(); i++) {
			CanonicalTrace trace = this.normalizer.normalize(this.json.readTree(lines.get(i)), null);
			JsonNode row = expected.get(i);
			assertThat(trace.sessionId()).isEqualTo(row.get("session_id").asString());
			assertThat(trace.developerId()).isEqualTo(row.get("developer_id").asString());
			assertThat(trace.model()).isEqualTo(row.get("model").asString());
			assertThat(trace.tokensIn()).isEqualTo(row.get("tokens_in").asLong());
			assertThat(trace.tokensOut()).isEqualTo(row.get("tokens_out").asLong());
			assertThat(trace.latencyMs()).isEqualTo(row.get("latency_ms").asDouble());
			assertThat(trace.statusCode()).isEqualTo(row.get("status_code").asInt());
			assertThat(trace.acceptedFlag()).isEqualTo(row.get("accepted_flag").asInt() == 1);
			assertThat(trace.repoSlug()).isEqualTo(row.get("repo_slug").asString());
			assertThat(trace.diffRatio()).isEqualTo(row.get("diff_ratio").asDouble());
			assertThat(trace.acceptedLines())
				.isEqualTo(row.get("accepted_lines").isNull() ? null : row.get("accepted_lines").asInt());
			assertThat(TraceHash.of(trace)).isEqualTo(row.get("trace_hash").asString());
		}
	}

	@Test
	void extractsTheSessionIdAsProdLensDoes() {
		assertThat(sessionOf("{\"session_id\": \"session-abc123\"}")).isEqualTo("abc123");
		assertThat(sessionOf("{\"session_id\": \"_session_alpha\"}")).isEqualTo("alpha");
		assertThat(sessionOf("{\"session_id\": \"session_alpha_beta\"}")).isEqualTo("alpha_beta");
		assertThat(sessionOf("{\"user_id\": \"developer-session-9\"}")).isEqualTo("9");
		assertThat(sessionOf("{\"session_id\": \"plain\", \"user_id\": \"x-session-7\"}")).isEqualTo("7");
		assertThat(sessionOf("{\"session_id\": \"plain\"}")).isEqualTo("plain");
		assertThat(sessionOf("\"session-from-raw\"")).isEqualTo("from-raw");
		assertThat(sessionOf("{}")).isNull();
	}

	@Test
	void takesTheDeveloperFromTheFirstKeyThatIsNoSession() {
		CanonicalTrace trace = normalize("""
				{"timestamp": "2025-01-01T00:00:00", "usage": {"total_tokens": 10},
				 "metadata": {"developer_id": "my-session-1", "user": "alice",
				              "requester_metadata": {"developer_id": "bob"}}}""");
		assertThat(trace.developerId()).isEqualTo("alice");
		assertThat(trace.timestamp()).isEqualTo(Instant.parse("2025-01-01T00:00:00Z"));
		assertThat(trace.tokensIn()).isEqualTo(10);
		assertThat(trace.tokensOut()).isZero();
		assertThat(trace.repoSlug()).isEqualTo("unknown");
	}

	@Test
	void readsTheLiteLlmLoggerShapeThatProdLensGotWrong() {
		CanonicalTrace trace = normalize("""
				{"timestamp": "2025-10-12T19:00:00+02:00", "model": "gpt-4o-mini", "latency_ms": 812.5,
				 "status_code": 200, "status": "success",
				 "usage": {"prompt_tokens": 120, "completion_tokens": 30, "total_tokens": 150},
				 "metadata": {"user_api_key_end_user_id": "session-77", "developer_id": "carol"}}""");
		assertThat(trace.format()).isEqualTo(TraceFormat.LITELLM);
		assertThat(trace.model()).isEqualTo("gpt-4o-mini");
		assertThat(trace.tokensIn()).isEqualTo(120);
		assertThat(trace.tokensOut()).isEqualTo(30);
		assertThat(trace.latencyMs()).isEqualTo(812.5);
		assertThat(trace.sessionId()).isEqualTo("77");
		assertThat(trace.timestamp()).isEqualTo(Instant.parse("2025-10-12T17:00:00Z"));
	}

	@Test
	void readsFlattenedArizeSpansThatProdLensDeadLettered() {
		CanonicalTrace trace = normalize(
				"""
						{"context.span_id": "ab12", "start_time": 1760295600000, "end_time": 1760295601250,
						 "status_code": "ERROR", "attributes.llm.model_name": "claude-haiku-4-5",
						 "attributes.llm.token_count.prompt": 300, "attributes.llm.token_count.completion": 40,
						 "attributes.llm.token_count.total": 340,
						 "attributes.metadata": "{\\"session_id\\": \\"session-s1\\", \\"developer_id\\": \\"dan\\", \\"repo\\": \\"acme/api\\"}"}""");
		assertThat(trace.format()).isEqualTo(TraceFormat.ARIZE);
		assertThat(trace.timestamp()).isEqualTo(Instant.ofEpochMilli(1760295600000L));
		assertThat(trace.latencyMs()).isEqualTo(1250.0);
		assertThat(trace.statusCode()).isEqualTo(500);
		assertThat(trace.model()).isEqualTo("claude-haiku-4-5");
		assertThat(trace.tokensIn()).isEqualTo(300);
		assertThat(trace.tokensOut()).isEqualTo(40);
		assertThat(trace.sessionId()).isEqualTo("s1");
		assertThat(trace.developerId()).isEqualTo("dan");
		assertThat(trace.repoSlug()).isEqualTo("acme/api");
	}

	@Test
	void derivesMissingTokenCountsFromTheTotal() {
		assertThat(tokens("{\"total_tokens\": 100, \"output_tokens\": 30}")).containsExactly(70L, 30L);
		assertThat(tokens("{\"total_tokens\": 100, \"input_tokens\": 30}")).containsExactly(30L, 70L);
		assertThat(tokens("{\"input_tokens\": -5, \"output_tokens\": 3}")).containsExactly(0L, 3L);
		assertThat(tokens("{}")).containsExactly(0L, 0L);
	}

	@Test
	void rejectsWhatProdLensWouldDeadLetterOrCrashOn() {
		assertRejected("{\"usage\": {}}", "timestamp");
		assertRejected("{\"timestamp\": \"2025-01-01T00:00:00Z\"}", "usage");
		assertRejected("{\"timestamp\": \"yesterday\", \"usage\": {}}", "timestamp");
		assertRejected("{\"timestamp\": 1, \"usage\": {\"input_tokens\": \"many\"}}", "usage.input_tokens");
		assertRejected("{\"timestamp\": 1, \"usage\": {}, \"metadata\": {\"repo\": \"../etc\"}}", "repo_slug");
		assertRejected("{\"timestamp\": 1, \"usage\": {}, \"attributes\": {\"status_code\": 42}}", "status_code");
		assertRejected("[1, 2]", "object");
	}

	private String sessionOf(String metadata) {
		return normalize("{\"timestamp\": 0, \"usage\": {}, \"metadata\": " + metadata + "}").sessionId();
	}

	private List<Long> tokens(String usage) {
		CanonicalTrace trace = normalize("{\"timestamp\": 0, \"usage\": " + usage + "}");
		return List.of(trace.tokensIn(), trace.tokensOut());
	}

	private void assertRejected(String record, String field) {
		assertThatThrownBy(() -> normalize(record)).isInstanceOf(RejectedTrace.class).hasMessageContaining(field);
	}

	private CanonicalTrace normalize(String record) {
		return this.normalizer.normalize(this.json.readTree(record), null);
	}

	static String resource(String name) throws IOException {
		try (InputStream in = TraceNormalizerTests.class.getResourceAsStream(name)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
