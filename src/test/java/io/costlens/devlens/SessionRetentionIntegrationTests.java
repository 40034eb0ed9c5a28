package io.costlens.devlens;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.costlens.IntegrationTest;
import io.costlens.TestApi;
import io.costlens.platform.Caches;
import io.costlens.platform.GroupCommitter;
import io.costlens.platform.Retention;
import io.costlens.platform.RetentionPolicy;
import io.costlens.pricing.Pricing;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Retention of sessions: sessions past their age go in small batches, the daily roll-ups
 * stay for their own (longer) retention, so a developer's profile over days whose
 * sessions are gone still counts them; an import refuses traces that retention would
 * delete at once. The test contexts keep sessions forever, so the retention here is built
 * with a policy of its own: 400 days for sessions, 800 for roll-ups.
 */
@IntegrationTest
class SessionRetentionIntegrationTests {

	private static final TypeReference<String> STRING = new TypeReference<>() {
	};

	private static final RetentionPolicy POLICY = new RetentionPolicy(Duration.ofDays(400), Duration.ofDays(800),
			Duration.ofHours(1), 3, Duration.ZERO, Duration.ofMinutes(1));

	@Autowired
	TestApi api;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Retention retention;

	@Autowired
	DevlensProperties properties;

	@Autowired
	MeterRegistry meters;

	@Autowired
	ObjectProvider<Caches> caches;

	private final String developer = "retention-" + UUID.randomUUID().toString().substring(0, 8);

	@Test
	void deletesOldSessionsInBatchesAndKeepsThemInTheRollupsForTheirOwnRetention() {
		Instant now = Instant.now();
		importSessions(now.minus(1000, ChronoUnit.DAYS), 3);
		importSessions(now.minus(500, ChronoUnit.DAYS), 4);
		importSessions(now.minus(1, ChronoUnit.DAYS), 2);
		double counted = deletedCount();

		Map<String, Object> counts = new SessionRetention(this.jdbc, this.retention, withRetention(), this.caches)
			.run();

		assertThat(this.api.get("/api/sessions?page_size=100&developer_id=" + this.developer)
			.send()
			.json()
			.get("sessions")
			.size()).as("sessions left").isEqualTo(2);
		assertThat(this.api.get("/api/profile?developer_id=" + this.developer)
			.send()
			.json()
			.get("total_sessions")
			.asLong()).as("the 500-day-old sessions stay in the roll-ups, the 1000-day-old ones do not").isEqualTo(6);
		assertThat((Long) counts.get("devlens_sessions_deleted")).isGreaterThanOrEqualTo(7);
		assertThat(deletedCount() - counted).isGreaterThanOrEqualTo(7);
	}

	@Test
	void aReportCachedBeforeTheSweepNoLongerCountsTheRollupsItDeleted() {
		Instant now = Instant.now();
		importSessions(now.minus(1000, ChronoUnit.DAYS), 3);
		String since = LocalDate.ofInstant(now.minus(1001, ChronoUnit.DAYS), ZoneOffset.UTC).toString();
		String before = this.api.get("/api/metrics/raw?since=" + since).send().json().toString();

		new SessionRetention(this.jdbc, this.retention, withRetention(), this.caches).run();

		assertThat(this.api.get("/api/metrics/raw?since=" + since).send().json().toString())
			.as("the report read afresh, without the swept days")
			.isNotEqualTo(before);
	}

	@Test
	void sessionsTotalsCachedBeforeTheSweepNoLongerCountTheRollupsItDeleted(@Autowired Devlens devlens) {
		importSessions(Instant.now().minus(1000, ChronoUnit.DAYS), 3);
		assertThat(devlens.sessions(this.developer, null, null, null, null, "timestamp", "desc", 1, 10).totalCount())
			.isEqualTo(3);

		new SessionRetention(this.jdbc, this.retention, withRetention(), this.caches).run();

		Devlens.SessionsPage after = devlens.sessions(this.developer, null, null, null, null, "cost", "desc", 1, 10);
		assertThat(after.totalCount()).as("counted afresh, without the swept days").isZero();
		assertThat(after.totals().sessions()).isZero();
	}

	@Test
	void pagesOfSessionsCachedBeforeTheSweepAreReadAfreshAfterIt() {
		String key = "sweep-" + this.developer;
		Caches caches = this.caches.getObject();
		caches.get(Caches.Level.QUERY, "test-session-pages", key, STRING, () -> "before", Devlens.SESSIONS);

		new SessionRetention(this.jdbc, this.retention, withRetention(), this.caches).run();

		assertThat(caches.get(Caches.Level.QUERY, "test-session-pages", key, STRING, () -> "after", Devlens.SESSIONS))
			.as("the sweep moves the sessions on, also when it keeps every roll-up")
			.isEqualTo("after");
	}

	@Test
	void refusesToImportTracesThatRetentionWouldDeleteAtOnce(@Autowired GroupCommitter<Session, Boolean> committer,
			@Autowired RejectedRepository rejected, @Autowired Pricing pricing, @Autowired SessionFeed feed,
			@Autowired JsonMapper json) {
		TraceImport imports = new TraceImport(committer, rejected, pricing, feed, json, withRetention(), this.meters,
				new StaticListableBeanFactory().getBeanProvider(Caches.class));
		String body = trace("old", Instant.now().minus(401, ChronoUnit.DAYS)) + "\n"
				+ trace("new", Instant.now().minus(399, ChronoUnit.DAYS)) + "\n";

		TraceImport.ImportResult result = imports
			.importTraces(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), null);

		assertThat(result.inserted()).isOne();
		assertThat(result.rejected()).singleElement()
			.satisfies((refused) -> assertThat(refused.reason()).contains("older than the retention of sessions"));
	}

	private void importSessions(Instant at, int count) {
		StringBuilder body = new StringBuilder();
		for (int i = 0; i < count; i++) {
			body.append(trace("s" + i, at.plusSeconds(i))).append('\n');
		}
		assertThat(this.api.request("POST", "/api/traces", BodyPublishers.ofString(body.toString()))
			.header("Content-Type", "application/x-ndjson")
			.send()
			.json()
			.get("inserted")
			.asInt()).isEqualTo(count);
	}

	private String trace(String session, Instant at) {
		return """
				{"timestamp": "%s", "usage": {"input_tokens": 100, "output_tokens": 50},
				 "attributes": {"llm.model_name": "gpt-4o", "latency_ms": 300, "status_code": 200},
				 "metadata": {"developer_id": "%s", "session_id": "%s-%s-%s", "repo": "retention/repo"}}"""
			.formatted(at, this.developer, session, at.toEpochMilli(), this.developer)
			.replace("\n", "");
	}

	private double deletedCount() {
		return this.meters.get("costlens.retention.deleted").tag("kind", "devlens_sessions").counter().count();
	}

	private DevlensProperties withRetention() {
		DevlensProperties p = this.properties;
		return new DevlensProperties(p.queueCapacity(), p.maxBatchSize(), p.commitTimeout(), p.importChunk(),
				p.relatedWindow(), p.metricsInterval(), p.metricsDays(), p.policyModels(), p.anomalyZ(), p.thresholds(),
				POLICY);
	}

}
