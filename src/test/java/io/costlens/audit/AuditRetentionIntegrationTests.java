package io.costlens.audit;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.costlens.OwnH2Database;
import io.costlens.TestApi;
import io.costlens.TestScheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The daily retention job deletes entries older than {@code costlens.audit.retention} and
 * leaves a chain that still verifies. On a database of its own, since it deletes every
 * entry older than a few seconds.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:audit-retention" + OwnH2Database.OPTIONS,
				OwnH2Database.NO_SCHEMA, OwnH2Database.USER, "costlens.audit.retention=3s" })
@Import({ TestApi.class, TestScheduler.class })
class AuditRetentionIntegrationTests {

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TestScheduler scheduler;

	@Autowired
	TestApi api;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Audit audit;

	@Test
	void deletesEntriesOlderThanTheRetentionAndKeepsTheChainValid() throws InterruptedException {
		String old = publish();
		publish();
		Thread.sleep(3_500);
		String recent = publish();

		this.scheduler.runNow("audit-delete-old-entries");

		await().atMost(Duration.ofSeconds(20)).until(() -> count(old) == 0);
		assertThat(count(recent)).isOne();
		assertThat(this.api.get("/api/v2/audit/verify").send().json().get("valid").asBoolean()).isTrue();
	}

	private String publish() {
		String id = UUID.randomUUID().toString();
		this.events.publishEvent(new AuditEvent("alice", "scenario.created", "create", "scenario", id,
				Map.of("name", "checkout"), null));
		this.audit.seal();
		return id;
	}

	private int count(String resourceId) {
		return this.jdbc.sql("select count(*) from audit_log where resource_id = :id")
			.param("id", resourceId)
			.query(Integer.class)
			.single();
	}

}
