package io.costlens.scenarios;

import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.costlens.IntegrationTest;
import io.costlens.TestApi;
import io.costlens.TestApi.Response;
import io.costlens.platform.NotFound;

import static io.costlens.scenarios.ScenarioFixtures.createRunning;
import static io.costlens.scenarios.ScenarioFixtures.ingest;
import static io.costlens.scenarios.ScenarioFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@IntegrationTest
class IngestIntegrationTests {

	@Autowired
	TestApi api;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Scenarios scenarios;

	@Test
	void storesTheInspectedLogButNeverTheMessage() throws Exception {
		String scenario = createRunning(this.api, "us-east-1");
		String message = "user jane.doe@example.com failed login " + "x".repeat(600);

		Response response = ingest(this.api, scenario, message);

		assertThat(response.status()).isEqualTo(202);
		JsonNode log = response.json();
		assertThat(log.get("scenario_id").asString()).isEqualTo(scenario);
		assertThat(log.get("message_hash").asString()).isEqualTo(sha256(message));
		assertThat(log.get("message_preview").asString()).startsWith("user [EMAIL] failed login")
			.doesNotContain("jane");
		assertThat(log.get("has_pii").asBoolean()).isTrue();
		assertThat(log.get("pii_types").toString()).contains("email");
		assertThat(log.get("size_bytes").asLong()).isEqualTo(message.getBytes(StandardCharsets.UTF_8).length);
		assertThat(log.get("sqs_blocks").asInt()).isEqualTo(1);
		assertThat(log.get("token_count").asInt()).isPositive();
		assertThat(log.get("source").asString()).isEqualTo("test");
		long full = this.jdbc.sql("select count(*) from scenario_logs where message_preview like :m")
			.param("m", "%jane.doe%")
			.query(Long.class)
			.single();
		assertThat(full).isZero();
		JsonNode listed = this.api.get("/api/v1/scenarios/" + scenario + "/logs").send().json();
		assertThat(listed.get("total").asLong()).isEqualTo(1);
		assertThat(listed.get("items").get(0).get("message_hash").asString()).isEqualTo(sha256(message));
		assertThat(this.api.get("/api/v1/scenarios/" + scenario).send().json().get("total_requests").asLong())
			.isEqualTo(1);
	}

	@Test
	void takesLogsTheMomentAScenarioStartsAndRefusesThemOnceItStops() {
		String scenario = ScenarioFixtures.create(this.api,
				"{\"name\":\"" + ScenarioFixtures.uniqueName("flip") + "\"}");
		assertThat(ingest(this.api, scenario, "before start").status()).isEqualTo(400);

		assertThat(this.api.post("/api/v1/scenarios/" + scenario + "/start", "").send().status()).isEqualTo(200);
		assertThat(ingest(this.api, scenario, "right after start").status()).isEqualTo(202);

		assertThat(this.api.post("/api/v1/scenarios/" + scenario + "/stop", "").send().status()).isEqualTo(200);
		Response refused = ingest(this.api, scenario, "right after stop");
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().get("error").asString()).isEqualTo("scenario_not_running");
	}

	@Test
	void handsEveryStoredLogToAReaderOldestFirst() {
		String scenario = createRunning(this.api, "us-east-1");
		List<String> ids = new ArrayList<>();
		for (String message : List.of("first", "second a@example.com", "third")) {
			ids.add(ingest(this.api, scenario, message).json().get("id").asString());
		}

		List<StoredLog> read = new ArrayList<>();
		this.scenarios.forEachLog(UUID.fromString(scenario), read::add);

		assertThat(read).extracting((log) -> log.id().toString()).containsExactlyElementsOf(ids);
		assertThat(read).extracting(StoredLog::messagePreview).containsExactly("first", "second [EMAIL]", "third");
		assertThatExceptionOfType(NotFound.class)
			.isThrownBy(() -> this.scenarios.forEachLog(new UUID(0, 0), read::add));
	}

	@Test
	void defaultsTheSourceToUnknown() {
		String scenario = createRunning(this.api, "us-east-1");

		Response response = this.api.post("/ingest", "{\"message\":\"hello\"}")
			.header("X-Scenario-ID", scenario)
			.send();

		assertThat(response.json().get("source").asString()).isEqualTo("unknown");
	}

	@Test
	void refusesBadScenarioHeadersAndStatesAndMessages() {
		String draft = ScenarioFixtures.create(this.api, "{\"name\":\"" + ScenarioFixtures.uniqueName("draft") + "\"}");
		String running = createRunning(this.api, "us-east-1");

		assertThat(ingest(this.api, "not-a-uuid", "hi").status()).isEqualTo(400);
		assertThat(ingest(this.api, "00000000-0000-0000-0000-000000000000", "hi").status()).isEqualTo(404);
		Response notRunning = ingest(this.api, draft, "hi");
		assertThat(notRunning.status()).isEqualTo(400);
		assertThat(notRunning.json().get("error").asString()).isEqualTo("scenario_not_running");
		assertThat(ingest(this.api, running, "").status()).isEqualTo(422);
		assertThat(this.api.post("/ingest", "{\"message\":\"hi\"}").send().status()).isEqualTo(400);
		assertThat(this.api.post("/ingest", "{\"message\":\"hi\"}")
			.header("X-Scenario-ID", running)
			.anonymous()
			.send()
			.status()).isEqualTo(401);
		assertThat(count(running)).isZero();
	}

	@Test
	void acceptsAMessageOfOneMebibyteButNotMore() {
		String scenario = createRunning(this.api, "us-east-1");

		Response largest = ingest(this.api, scenario, "é".repeat(512 * 1024));
		Response tooLarge = ingest(this.api, scenario, "é".repeat(512 * 1024) + "x");

		assertThat(largest.status()).isEqualTo(202);
		assertThat(largest.json().get("size_bytes").asLong()).isEqualTo(1024 * 1024);
		assertThat(largest.json().get("sqs_blocks").asInt()).isEqualTo(16);
		assertThat(tooLarge.status()).isEqualTo(422);
		assertThat(count(scenario)).isEqualTo(1);
	}

	@Test
	void stopsAcceptingOnceTheScenarioStopped() {
		String scenario = createRunning(this.api, "us-east-1");
		assertThat(ingest(this.api, scenario, "before").status()).isEqualTo(202);

		this.api.post("/api/v1/scenarios/" + scenario + "/stop", "").send();
		Response after = ingest(this.api, scenario, "after");

		assertThat(after.status()).isEqualTo(400);
		assertThat(after.json().get("error").asString()).isEqualTo("scenario_not_running");
		assertThat(count(scenario)).isEqualTo(1);
	}

	@Test
	void ingestsAJsonArrayBatch() {
		String scenario = createRunning(this.api, "us-east-1");

		Response response = this.api
			.post("/ingest/batch", "[{\"message\":\"one\"},{\"message\":\"two a@b.io\",\"source\":\"s\"}]")
			.header("X-Scenario-ID", scenario)
			.send();

		assertThat(response.status()).isEqualTo(202);
		assertThat(response.json().get("accepted").asInt()).isEqualTo(2);
		assertThat(response.json().get("results").get(1).get("has_pii").asBoolean()).isTrue();
		assertThat(count(scenario)).isEqualTo(2);
	}

	@Test
	void ingestsAnNdjsonBatch() {
		String scenario = createRunning(this.api, "us-east-1");
		String body = "{\"message\":\"one\"}\n{\"message\":\"two\"}\n\n{\"message\":\"three\"}\n";

		Response response = this.api.request("POST", "/ingest/batch", BodyPublishers.ofString(body))
			.header("Content-Type", "application/x-ndjson")
			.header("X-Scenario-ID", scenario)
			.send();

		assertThat(response.status()).isEqualTo(202);
		assertThat(response.json().get("accepted").asInt()).isEqualTo(3);
		assertThat(count(scenario)).isEqualTo(3);
	}

	@Test
	void answersABatchWithTheCountAloneWhenAskedForASummary() {
		String scenario = createRunning(this.api, "us-east-1");
		String body = "{\"message\":\"one\"}\n{\"message\":\"two\"}\n";

		Response response = this.api.request("POST", "/ingest/batch?response=summary", BodyPublishers.ofString(body))
			.header("Content-Type", "application/x-ndjson")
			.header("X-Scenario-ID", scenario)
			.send();

		assertThat(response.status()).isEqualTo(202);
		assertThat(response.body()).isEqualToIgnoringWhitespace("{\"accepted\":2}");
		assertThat(count(scenario)).isEqualTo(2);
	}

	@Test
	void refusesABatchAskingForAnUnknownResponseAndStoresNothing() {
		String scenario = createRunning(this.api, "us-east-1");

		Response response = this.api.post("/ingest/batch?response=none", "[{\"message\":\"one\"}]")
			.header("X-Scenario-ID", scenario)
			.send();

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("message").asString()).contains("full or summary");
		assertThat(count(scenario)).isZero();
	}

	@Test
	void keepsTabsLineBreaksBackslashesAndUnicodeOfABatchIntact() {
		String scenario = createRunning(this.api, "us-east-1");
		String message = "col\\tone\\ttwo\\nnext line \\\\N back\\\\slash \\r\\n caf\u00e9 \u6771\u4eac \ud83d\ude00";

		Response response = this.api.post("/ingest/batch", "[{\"message\":\"" + message + "\",\"source\":\"t\\tab\"}]")
			.header("X-Scenario-ID", scenario)
			.send();

		assertThat(response.status()).isEqualTo(202);
		String stored = this.jdbc.sql("select message_preview from scenario_logs where scenario_id = :id")
			.param("id", UUID.fromString(scenario))
			.query(String.class)
			.single();
		assertThat(stored)
			.isEqualTo("col\tone\ttwo\nnext line \\N back\\slash \r\n caf\u00e9 \u6771\u4eac \ud83d\ude00");
		assertThat(this.jdbc.sql("select source from scenario_logs where scenario_id = :id")
			.param("id", UUID.fromString(scenario))
			.query(String.class)
			.single()).isEqualTo("t\tab");
	}

	@Test
	void namesTheBadLineOfAnNdjsonBatchAndRefusesOneMessageTooMany() {
		String scenario = createRunning(this.api, "us-east-1");

		Response badLine = this.api
			.request("POST", "/ingest/batch", BodyPublishers.ofString("{\"message\":\"one\"}\r\n\n[not json\n"))
			.header("Content-Type", "application/x-ndjson")
			.header("X-Scenario-ID", scenario)
			.send();
		Response tooMany = this.api
			.request("POST", "/ingest/batch", BodyPublishers.ofString("{\"message\":\"m\"}\n".repeat(10_001)))
			.header("Content-Type", "application/x-ndjson")
			.header("X-Scenario-ID", scenario)
			.send();

		assertThat(badLine.status()).isEqualTo(422);
		assertThat(badLine.json().get("errors").get(0).get("field").asString()).isEqualTo("line 3");
		assertThat(tooMany.status()).isEqualTo(400);
		assertThat(tooMany.json().get("message").asString()).contains("1 to 10000 messages");
		assertThat(count(scenario)).isZero();
	}

	@Test
	void storesNothingOfABatchWithOneBadMessage() {
		String scenario = createRunning(this.api, "us-east-1");

		Response response = this.api.post("/ingest/batch", "[{\"message\":\"fine\"},{\"message\":\"\"}]")
			.header("X-Scenario-ID", scenario)
			.send();

		assertThat(response.status()).isEqualTo(422);
		assertThat(response.body()).contains("[1].message");
		assertThat(count(scenario)).isZero();
	}

	@Test
	void countsExactlyUnderManyConcurrentClients() throws Exception {
		String scenario = createRunning(this.api, "us-east-1");
		int threads = 32;
		int perThread = 50;
		List<Future<List<String>>> results = new ArrayList<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
			for (int t = 0; t < threads; t++) {
				int client = t;
				results.add(pool.submit(() -> {
					List<String> hashes = new ArrayList<>();
					for (int i = 0; i < perThread; i++) {
						String message = "client " + client + " message " + i;
						Response r = this.api.post("/ingest", "{\"message\":" + json(message) + "}")
							.header("X-Scenario-ID", scenario)
							.send();
						assertThat(r.status()).isEqualTo(202);
						hashes.add(sha256(message));
					}
					return hashes;
				}));
			}
		}
		List<String> acked = new ArrayList<>();
		for (Future<List<String>> f : results) {
			acked.addAll(f.get());
		}

		assertThat(this.api.post("/flush", "").send().json().get("pending").asInt()).isZero();
		assertThat(count(scenario)).isEqualTo(threads * perThread);
		List<String> stored = this.jdbc.sql("select message_hash from scenario_logs where scenario_id = :id")
			.param("id", java.util.UUID.fromString(scenario))
			.query(String.class)
			.list();
		assertThat(stored).containsExactlyInAnyOrderElementsOf(acked);
		assertThat(this.api.get("/api/v1/scenarios/" + scenario).send().json().get("total_requests").asLong())
			.isEqualTo(threads * perThread);
		long rolledUp = this.jdbc.sql("select sum(requests) from scenario_rollups where scenario_id = :id")
			.param("id", java.util.UUID.fromString(scenario))
			.query(Long.class)
			.single();
		assertThat(rolledUp).isEqualTo(threads * perThread);
	}

	@Test
	void filtersLogsByPiiAndSourceNewestFirst() {
		String scenario = createRunning(this.api, "us-east-1");
		this.api.post("/ingest", "{\"message\":\"first\",\"source\":\"a\"}").header("X-Scenario-ID", scenario).send();
		this.api.post("/ingest", "{\"message\":\"mail x@y.org\",\"source\":\"b\"}")
			.header("X-Scenario-ID", scenario)
			.send();
		this.api.post("/ingest", "{\"message\":\"third\",\"source\":\"a\"}").header("X-Scenario-ID", scenario).send();
		String logs = "/api/v1/scenarios/" + scenario + "/logs";

		JsonNode pii = this.api.get(logs + "?has_pii=true").send().json();
		JsonNode fromA = this.api.get(logs + "?source=a&page_size=1").send().json();

		assertThat(pii.get("total").asLong()).isEqualTo(1);
		assertThat(pii.get("items").get(0).get("source").asString()).isEqualTo("b");
		assertThat(fromA.get("total").asLong()).isEqualTo(2);
		assertThat(fromA.get("items").get(0).get("message_preview").asString()).isEqualTo("third");
	}

	@Test
	void deletingAScenarioRemovesItsLogsAndRollups() {
		String scenario = createRunning(this.api, "us-east-1");
		ingest(this.api, scenario, "to be deleted");
		this.api.post("/api/v1/scenarios/" + scenario + "/stop", "").send();

		assertThat(this.api.delete("/api/v1/scenarios/" + scenario).send().status()).isEqualTo(204);

		assertThat(count(scenario)).isZero();
		assertThat(this.jdbc.sql("select count(*) from scenario_rollups where scenario_id = :id")
			.param("id", java.util.UUID.fromString(scenario))
			.query(Long.class)
			.single()).isZero();
	}

	private long count(String scenario) {
		return this.jdbc.sql("select count(*) from scenario_logs where scenario_id = :id")
			.param("id", java.util.UUID.fromString(scenario))
			.query(Long.class)
			.single();
	}

	static String sha256(String message) throws Exception {
		return HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(message.getBytes(StandardCharsets.UTF_8)));
	}

}
