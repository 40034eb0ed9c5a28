package io.costlens.platform.idempotency;

import java.net.http.HttpRequest.BodyPublishers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.costlens.TestApi;
import io.costlens.TestApi.Response;
import io.costlens.TestUsers;
import io.costlens.TestUsers.User;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code Idempotency-Key} on the writes that may time out: a retry answers the first
 * response and stores nothing twice, even when the first attempt's commit timed out. In a
 * context of its own with a short commit timeout, so that a commit held up by a lock
 * times out quickly. Each write path is held up the same way: another transaction locks a
 * row its commit must update (the scenario, a prediction roll-up, a DevLens daily
 * roll-up), so the first attempt answers 503 "may still be stored"; a retry with the same
 * key is 409 until that commit has settled, then stores the data once.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "costlens.scenarios.ingest.group-commit.commit-timeout=1s",
				"costlens.predictions.group-commit.commit-timeout=1s", "costlens.devlens.commit-timeout=1s",
				"costlens.idempotency.lease=20s" })
@Import({ TestApi.class, TestUsers.class })
class IdempotencyIntegrationTests {

	@Autowired
	TestApi api;

	@Autowired
	TestUsers users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Test
	void answersARetryWithTheFirstResponseAndStoresNothingTwice() {
		String scenario = runningScenario();
		String key = UUID.randomUUID().toString();

		Response first = ingest(scenario, key, "Order 1234 paid");
		Response retry = ingest(scenario, key, "Order 1234 paid");

		assertThat(first.status()).isEqualTo(202);
		assertThat(first.header("Idempotent-Replayed")).isNull();
		assertThat(retry.status()).isEqualTo(202);
		assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
		assertThat(retry.body()).isEqualTo(first.body());
		assertThat(retry.contentType()).startsWith("application/json");
		assertThat(logs(scenario)).isOne();
	}

	@Test
	void refusesTheSameKeyWithAnotherBody() {
		String scenario = runningScenario();
		String key = UUID.randomUUID().toString();
		ingest(scenario, key, "first message");

		Response other = ingest(scenario, key, "another message");

		assertThat(other.status()).isEqualTo(422);
		assertThat(other.contentType()).startsWith("application/problem+json");
		assertThat(other.body()).contains("Idempotency-Key");
		assertThat(logs(scenario)).isOne();
	}

	@Test
	void refusesKeysThatAreEmptyTooLongOrNotPrintable() {
		String scenario = runningScenario();

		for (String bad : new String[] { "has space", "x".repeat(256), "tab\there" }) {
			Response response = ingest(scenario, bad, "message");
			assertThat(response.status()).as(bad).isEqualTo(400);
			assertThat(response.json().get("error").asString()).isEqualTo("validation_error");
		}
		assertThat(logs(scenario)).isZero();
		assertThat(ingest(scenario, "k".repeat(255), "message").status()).isEqualTo(202);
	}

	@Test
	void keepsEachCallersKeysApart() {
		String scenario = runningScenario();
		String key = UUID.randomUUID().toString();
		User member = this.users.member();
		ingest(scenario, key, "same message");

		Response theirs = this.api.post("/ingest", "{\"message\":\"same message\",\"source\":\"test\"}")
			.header("X-Scenario-ID", scenario)
			.header("Idempotency-Key", key)
			.as(member.apiKey())
			.send();

		assertThat(theirs.status()).isEqualTo(202);
		assertThat(theirs.header("Idempotent-Replayed")).isNull();
		assertThat(logs(scenario)).isEqualTo(2);
	}

	@Test
	void replaysABatchOfPredictionsOnV1AndV2() {
		String model = "idem-" + UUID.randomUUID();
		String body = "[{\"model_name\":\"" + model + "\",\"duration_ms\":12,\"was_successful\":true},"
				+ "{\"model_name\":\"" + model + "\",\"duration_ms\":15,\"was_successful\":false}]";
		String key = UUID.randomUUID().toString();

		Response first = this.api.post("/api/v1/predict-log/batch", body).header("Idempotency-Key", key).send();
		Response retry = this.api.post("/api/v1/predict-log/batch", body).header("Idempotency-Key", key).send();
		Response v2 = this.api
			.post("/api/v2/predict-log", "{\"model_name\":\"" + model + "\",\"duration_ms\":9,\"was_successful\":true}")
			.header("Idempotency-Key", key + "-one")
			.send();
		Response v2Again = this.api
			.post("/api/v2/predict-log", "{\"model_name\":\"" + model + "\",\"duration_ms\":9,\"was_successful\":true}")
			.header("Idempotency-Key", key + "-one")
			.send();

		assertThat(first.status()).isEqualTo(201);
		assertThat(retry.status()).isEqualTo(201);
		assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
		assertThat(retry.body()).isEqualTo(first.body());
		assertThat(v2.status()).isEqualTo(201);
		assertThat(v2Again.header("Idempotent-Replayed")).isEqualTo("true");
		assertThat(this.jdbc.sql("select count(*) from predictions where model_name = :m")
			.param("m", model)
			.query(Long.class)
			.single()).isEqualTo(3);
	}

	@Test
	void makesARetryAfterACommitTimeoutSafe() throws Exception {
		String scenario = runningScenario();
		String key = UUID.randomUUID().toString();
		CompletableFuture<Response> first;
		Response during;
		Response flush;
		try (Connection lock = this.dataSource.getConnection()) {
			// another transaction holds the scenario row the write must update: its
			// commit waits
			lock.setAutoCommit(false);
			try (PreparedStatement hold = lock.prepareStatement("select * from scenarios where id = ? for update")) {
				hold.setObject(1, UUID.fromString(scenario));
				hold.executeQuery().close();
			}
			first = CompletableFuture.supplyAsync(() -> ingest(scenario, key, "held up"));
			await().atMost(Duration.ofSeconds(5))
				.until(() -> this.jdbc.sql("select count(*) from idempotency_keys where idem_key = :key")
					.param("key", key)
					.query(Integer.class)
					.single() == 1);
			during = ingest(scenario, key, "held up");
			flush = this.api.post("/flush", "").send();
			Response timedOut = first.get();
			assertThat(timedOut.status()).isEqualTo(503);
			assertThat(timedOut.header("Retry-After")).isNotNull();
			assertThat(timedOut.json().get("detail").asString()).contains("may still be stored");
			lock.rollback();
		}
		assertThat(during.status()).as("a retry while the first is in flight").isEqualTo(409);
		assertThat(during.header("Retry-After")).isNotNull();
		assertThat(flush.status()).as("flush waits at most the commit timeout").isEqualTo(503);

		Response[] retry = new Response[1];
		await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() -> {
			retry[0] = ingest(scenario, key, "held up");
			return retry[0].status() != 409;
		});

		assertThat(retry[0].status()).isEqualTo(202);
		assertThat(logs(scenario)).isOne();
		assertThat(ingest(scenario, key, "held up").header("Idempotent-Replayed")).isEqualTo("true");
		assertThat(logs(scenario)).isOne();
	}

	@Test
	void makesARetryOfABatchOfLogsAfterACommitTimeoutSafe() throws Exception {
		String scenario = runningScenario();
		String key = UUID.randomUUID().toString();

		retryAfterCommitTimeout("select * from scenarios where id = ? for update", UUID.fromString(scenario),
				() -> this.api.post("/ingest/batch", "[{\"message\":\"one\"},{\"message\":\"two\"}]")
					.header("X-Scenario-ID", scenario)
					.header("Idempotency-Key", key)
					.send(),
				202);

		assertThat(logs(scenario)).isEqualTo(2);
	}

	@Test
	void makesARetryOfAPredictionAndOfABatchOfPredictionsAfterACommitTimeoutSafe() throws Exception {
		String model = "idem-held-" + UUID.randomUUID();
		String prediction = "{\"model_name\":\"" + model
				+ "\",\"duration_ms\":12,\"was_successful\":true,\"timestamp\":\"2026-11-30T12:00:00Z\"}";
		// the first one makes the roll-up rows the next ones must update
		assertThat(this.api.post("/api/v1/predict-log", prediction).send().status()).isEqualTo(201);
		String one = UUID.randomUUID().toString();
		String batch = UUID.randomUUID().toString();
		String lock = "select * from prediction_rollups where model_name = ? for update";

		retryAfterCommitTimeout(lock, model,
				() -> this.api.post("/api/v1/predict-log", prediction).header("Idempotency-Key", one).send(), 201);
		retryAfterCommitTimeout(lock, model,
				() -> this.api.post("/api/v2/predict-log/batch", "[" + prediction + "," + prediction + "]")
					.header("Idempotency-Key", batch)
					.send(),
				201);

		assertThat(this.jdbc.sql("select count(*) from predictions where model_name = :m")
			.param("m", model)
			.query(Long.class)
			.single()).isEqualTo(4);
	}

	@Test
	void makesARetryOfATraceImportAfterACommitTimeoutSafe() throws Exception {
		String developer = "idem-dev-" + UUID.randomUUID();
		String day = java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(1) + "T10:00:00Z";
		// the first session makes the daily roll-up row the second one must update
		assertThat(importTrace(trace(developer, "first", day), null).status()).isEqualTo(200);
		String key = UUID.randomUUID().toString();

		retryAfterCommitTimeout("select * from devlens_daily where developer_id = ? for update", developer,
				() -> importTrace(trace(developer, "second", day), key), 200);

		assertThat(this.jdbc.sql("select count(*) from devlens_sessions where developer_id = :d")
			.param("d", developer)
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	/**
	 * Holds up the write's commit behind a row lock until it answers 503, checks that a
	 * retry is 409 until that commit settles (the lock is released: it commits), then
	 * that the retry answers the success status without storing again (the caller counts
	 * the rows) and a further retry is replayed.
	 */
	private void retryAfterCommitTimeout(String lockSql, Object locked, Supplier<Response> write, int success)
			throws Exception {
		Response during;
		try (Connection lock = this.dataSource.getConnection()) {
			lock.setAutoCommit(false);
			try (PreparedStatement hold = lock.prepareStatement(lockSql)) {
				hold.setObject(1, locked);
				hold.executeQuery().close();
			}
			Response timedOut = CompletableFuture.supplyAsync(write).get();
			assertThat(timedOut.status()).as(timedOut.body()).isEqualTo(503);
			assertThat(timedOut.header("Retry-After")).isNotNull();
			assertThat(timedOut.json().get("detail").asString()).contains("may still be stored");
			during = write.get();
			lock.rollback();
		}
		assertThat(during.status()).as("a retry before the first commit has settled").isEqualTo(409);
		assertThat(during.header("Retry-After")).isNotNull();

		Response[] retry = new Response[1];
		await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() -> {
			retry[0] = write.get();
			return retry[0].status() != 409;
		});
		assertThat(retry[0].status()).as(retry[0].body()).isEqualTo(success);
		assertThat(write.get().header("Idempotent-Replayed")).isEqualTo("true");
	}

	private Response importTrace(String body, String key) {
		TestApi.Call call = this.api.request("POST", "/api/traces", BodyPublishers.ofString(body))
			.header("Content-Type", "application/x-ndjson");
		if (key != null) {
			call.header("Idempotency-Key", key);
		}
		return call.send();
	}

	private static String trace(String developer, String session, String timestamp) {
		return "{\"timestamp\":\"" + timestamp + "\",\"usage\":{\"input_tokens\":1200,\"output_tokens\":300},"
				+ "\"attributes\":{\"llm.model_name\":\"anthropic/claude-haiku-4-5\",\"status_code\":200,"
				+ "\"latency_ms\":850},\"metadata\":{\"developer_id\":\"" + developer + "\",\"session_id\":\"" + session
				+ "\",\"repo\":\"acme/shop\"}}\n";
	}

	private String runningScenario() {
		Response created = this.api
			.post("/api/v1/scenarios", "{\"name\":\"idem-" + UUID.randomUUID() + "\",\"region\":\"us-east-1\"}")
			.send();
		assertThat(created.status()).isEqualTo(201);
		String id = created.json().get("id").asString();
		assertThat(this.api.post("/api/v1/scenarios/" + id + "/start", "").send().status()).isEqualTo(200);
		return id;
	}

	private Response ingest(String scenario, String key, String message) {
		return this.api.post("/ingest", "{\"message\":\"" + message + "\",\"source\":\"test\"}")
			.header("X-Scenario-ID", scenario)
			.header("Idempotency-Key", key)
			.send();
	}

	private long logs(String scenario) {
		return this.jdbc.sql("select count(*) from scenario_logs where scenario_id = :id")
			.param("id", UUID.fromString(scenario))
			.query(Long.class)
			.single();
	}

}
