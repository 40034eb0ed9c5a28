package io.costlens.scenarios;

import java.time.ZoneOffset;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import io.costlens.IntegrationTest;
import io.costlens.TestApi;
import io.costlens.TestApi.Response;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Retention of stored logs: logs past their age go in small batches, scenario by
 * scenario, while the roll-ups the metrics read stay until their own retention.
 */
@IntegrationTest
@TestPropertySource(properties = { "costlens.scenarios.retention.age=30d", "costlens.scenarios.retention.rollups=60d",
		"costlens.scenarios.retention.batch-size=3", "costlens.scenarios.retention.batch-pause=0ms" })
@DirtiesContext
class LogRetentionIntegrationTests {

	@Autowired
	TestApi api;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	LogRetention retention;

	@Test
	void deletesOldLogsInBatchesAndKeepsTheMetricsTheirRollupsHold() {
		String first = running();
		String second = running();
		for (int i = 0; i < 10; i++) {
			ingest(first, "first scenario log " + i);
		}
		for (int i = 0; i < 4; i++) {
			ingest(second, "second scenario log " + i);
		}
		Instant old = Instant.now().minus(40, ChronoUnit.DAYS);
		age(first, 8, old);
		age(second, 4, old);
		long requestsBefore = totalRequests(first);
		insertRollup(first, Instant.now().minus(90, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS));
		insertRollup(first, old.truncatedTo(ChronoUnit.HOURS));

		this.retention.run();

		assertThat(logs(first)).isEqualTo(2);
		assertThat(logs(second)).isZero();
		assertThat(totalRequests(first)).as("metrics read roll-ups").isEqualTo(requestsBefore);
		assertThat(rollupsBefore(first, Instant.now().minus(60, ChronoUnit.DAYS))).isZero();
		assertThat(rollupsBefore(first, Instant.now().minus(30, ChronoUnit.DAYS))).isEqualTo(1);
	}

	@Test
	void sweptRollupsLeaveTheCachedMetricsAndOverviewOfTheirDays() {
		String scenario = running();
		ingest(scenario, "a log to keep the scenario's roll-ups company");
		Instant hour = Instant.now().minus(90, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
		insertRollup(scenario, hour);
		String day = hour.atOffset(ZoneOffset.UTC).toLocalDate().toString();
		String overview = "/api/v2/overview?from=" + day + "&to=" + day;
		String metrics = "/api/v1/scenarios/" + scenario + "/metrics?from=" + hour + "&to=" + hour.plusSeconds(3600);
		assertThat(this.api.get(overview).send().json().get("usage").get("scenario_logs").asLong())
			.as("read, and cached")
			.isPositive();
		assertThat(this.api.get(metrics).send().json().get("summary").get("total_requests").asLong()).isEqualTo(1);

		this.retention.run();

		assertThat(this.api.get(overview).send().json().get("usage").get("scenario_logs").asLong())
			.as("the overview of the swept day")
			.isZero();
		assertThat(this.api.get(metrics).send().json().get("summary").get("total_requests").asLong())
			.as("the scenario's metrics of the swept hour")
			.isZero();
	}

	private String running() {
		Response created = this.api.post("/api/v1/scenarios", "{\"name\":\"retention-" + UUID.randomUUID() + "\"}")
			.send();
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String id = created.json().get("id").asString();
		assertThat(this.api.post("/api/v1/scenarios/" + id + "/start", "").send().status()).isEqualTo(200);
		return id;
	}

	private void ingest(String scenario, String message) {
		Response ingested = this.api.post("/ingest", "{\"message\":\"" + message + "\"}")
			.header("X-Scenario-ID", scenario)
			.send();
		assertThat(ingested.status()).as(ingested.body()).isEqualTo(202);
	}

	private void age(String scenario, int count, Instant at) {
		this.jdbc
			.sql("""
					update scenario_logs set received_at = :at where id in (
					    select id from scenario_logs where scenario_id = :scenario order by id fetch first :count rows only)""")
			.param("at", at.atOffset(ZoneOffset.UTC))
			.param("scenario", UUID.fromString(scenario))
			.param("count", count)
			.update();
	}

	private void insertRollup(String scenario, Instant hour) {
		this.jdbc
			.sql("""
					insert into scenario_rollups (scenario_id, bucket_start, requests, total_bytes, tokens, sqs_blocks, pii_count)
					values (:scenario, :hour, 1, 10, 2, 1, 0)""")
			.param("scenario", UUID.fromString(scenario))
			.param("hour", hour.atOffset(ZoneOffset.UTC))
			.update();
	}

	private long rollupsBefore(String scenario, Instant cutoff) {
		return this.jdbc
			.sql("select count(*) from scenario_rollups where scenario_id = :scenario and bucket_start < :cutoff")
			.param("scenario", UUID.fromString(scenario))
			.param("cutoff", cutoff.atOffset(ZoneOffset.UTC))
			.query(Long.class)
			.single();
	}

	private long logs(String scenario) {
		Response logs = this.api.get("/api/v1/scenarios/" + scenario + "/logs?page_size=100").send();
		return logs.json().get("items").size();
	}

	private long totalRequests(String scenario) {
		Instant from = Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
		Instant to = Instant.now().plus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.HOURS);
		Response metrics = this.api.get("/api/v1/scenarios/" + scenario + "/metrics?from=" + from + "&to=" + to).send();
		assertThat(metrics.status()).as(metrics.body()).isEqualTo(200);
		return metrics.json().get("summary").get("total_requests").asLong();
	}

}
