package io.costlens;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.costlens.audit.AuditEvent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * Two instances of the application on one PostgreSQL database (and one Redis) behave as
 * one. Runs in the PostgreSQL build only (CI switches it on with
 * {@code COSTLENS_TEST_POSTGRES_URL}); elsewhere it is skipped, saying so.
 */
class TwoInstancesIntegrationTests {

	private static ConfigurableApplicationContext first;

	private static ConfigurableApplicationContext second;

	@BeforeAll
	static void startTwoInstances() {
		assumeThat(System.getProperty("costlens.test.database"))
			.as("two instances need the PostgreSQL test database (set COSTLENS_TEST_POSTGRES_URL, as .ci/run does)")
			.isEqualTo("postgres");
		String[] arguments = { "--costlens.audit.seal-interval=100ms" };
		first = Instances.start("node-a", arguments);
		second = Instances.start("node-b", arguments);
	}

	@AfterAll
	static void stopThem() {
		for (ConfigurableApplicationContext context : new ConfigurableApplicationContext[] { first, second }) {
			if (context != null) {
				context.close();
			}
		}
	}

	@Test
	void keepsOneValidAuditChainUnderConcurrentWritesFromBoth() throws Exception {
		String marker = "two-" + UUID.randomUUID();
		List<Future<?>> writes = new ArrayList<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
			for (ConfigurableApplicationContext instance : new ConfigurableApplicationContext[] { first, second }) {
				ApplicationEventPublisher events = instance;
				for (int thread = 0; thread < 4; thread++) {
					writes.add(pool.submit(() -> {
						for (int i = 0; i < 50; i++) {
							events.publishEvent(
									AuditEvent.of("load", "test.two_instances", "append", "marker", marker, null));
						}
					}));
				}
				// verifying while the other instance writes and seals
				writes.add(pool.submit(() -> assertThat(verify(instance).get("valid").asBoolean()).isTrue()));
			}
			for (Future<?> write : writes) {
				write.get();
			}
		}

		JsonNode verification = verify(second);
		assertThat(verification.get("valid").asBoolean()).isTrue();
		assertThat(verification.get("unsealed").asLong()).isZero();
		JdbcClient jdbc = first.getBean(JdbcClient.class);
		List<Long> ids = jdbc.sql("select id from audit_log where resource_id = :marker order by id")
			.param("marker", marker)
			.query(Long.class)
			.list();
		assertThat(ids).hasSize(400).doesNotHaveDuplicates();

		long tampered = ids.get(123);
		jdbc.sql("update audit_log set actor = 'mallory' where id = :id").param("id", tampered).update();
		try {
			JsonNode broken = verify(first);
			assertThat(broken.get("valid").asBoolean()).isFalse();
			assertThat(broken.get("first_broken_id").asLong()).isEqualTo(tampered);
		}
		finally {
			jdbc.sql("update audit_log set actor = 'load' where id = :id").param("id", tampered).update();
		}
		assertThat(verify(second).get("valid").asBoolean()).isTrue();
	}

	private static JsonNode verify(ConfigurableApplicationContext instance) {
		TestApi.Response response = api(instance).get("/api/v2/audit/verify").send();
		assertThat(response.status()).isEqualTo(200);
		return response.json();
	}

	private static TestApi api(ConfigurableApplicationContext instance) {
		return new TestApi(instance.getEnvironment());
	}

}
