package io.costlens;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.costlens.TestApi.Response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

/**
 * PostgreSQL stopped and started again under sustained ingest, on a server of the test's
 * own: while it is down every request is answered 503 with {@code Retry-After} within the
 * commit timeout (never a 500, never a hang) and {@code /ready} fails; once it is back
 * the service recovers by itself, and every acknowledged message is stored. Runs in the
 * PostgreSQL build (CI), skipped elsewhere, saying so.
 */
class DatabaseOutageIntegrationTests {

	private static final Duration COMMIT_TIMEOUT = Duration.ofSeconds(3);

	@Test
	void answers503WhileTheDatabaseIsDownAndRecoversWithoutLosingAcknowledgedWrites() throws Exception {
		assumeThat(System.getProperty("costlens.test.database"))
			.as("the outage test runs in the PostgreSQL build (set COSTLENS_TEST_POSTGRES_URL, as .ci/run does)")
			.isEqualTo("postgres");
		try (OwnPostgres postgres = OwnPostgres.create();
				ConfigurableApplicationContext app = Instances.start("outage",
						new String[] { "--spring.datasource.url=" + postgres.url(),
								"--spring.datasource.username=postgres", "--spring.flyway.schemas=",
								"--spring.datasource.hikari.connection-timeout=1000",
								"--spring.datasource.hikari.maximum-pool-size=6",
								"--costlens.scenarios.ingest.group-commit.commit-timeout=" + COMMIT_TIMEOUT.toMillis()
										+ "ms" })) {
			TestApi api = new TestApi(app.getEnvironment());
			String scenario = api
				.post("/api/v1/scenarios", "{\"name\":\"outage-" + UUID.randomUUID() + "\",\"region\":\"us-east-1\"}")
				.send()
				.json()
				.get("id")
				.asString();
			assertThat(api.post("/api/v1/scenarios/" + scenario + "/start", "").send().status()).isEqualTo(200);

			Set<String> acknowledged = ConcurrentHashMap.newKeySet();
			Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
			List<String> problems = new CopyOnWriteArrayList<>();
			AtomicBoolean running = new AtomicBoolean(true);
			AtomicInteger sent = new AtomicInteger();
			try (ExecutorService load = Executors.newFixedThreadPool(4)) {
				for (int t = 0; t < 4; t++) {
					load.submit(() -> {
						while (running.get()) {
							long started = System.nanoTime();
							Response response = api
								.post("/ingest",
										"{\"message\":\"outage line " + sent.incrementAndGet()
												+ "\",\"source\":\"outage\"}")
								.header("X-Scenario-ID", scenario)
								.send();
							Duration took = Duration.ofNanos(System.nanoTime() - started);
							statuses.computeIfAbsent(response.status(), (s) -> new AtomicInteger()).incrementAndGet();
							if (response.status() == 202) {
								acknowledged.add(response.json().get("id").asString());
							}
							else if (response.status() != 503 || response.header("Retry-After") == null) {
								problems.add(response.status() + " " + response.body());
							}
							if (took.compareTo(COMMIT_TIMEOUT.plusSeconds(3)) > 0) {
								problems.add("answered after " + took.toMillis() + " ms");
							}
							if (response.status() == 503) {
								pause(100);
							}
						}
						return null;
					});
				}
				await().atMost(Duration.ofSeconds(30)).until(() -> acknowledged.size() >= 20);

				postgres.stop();
				await().atMost(Duration.ofSeconds(20))
					.until(() -> statuses.getOrDefault(503, new AtomicInteger()).get() >= 10);
				Response ready = api.get("/ready").anonymous().send();
				int acknowledgedWhileDown = acknowledged.size();
				pause(2000);

				postgres.start();
				long back = System.nanoTime();
				await().atMost(Duration.ofSeconds(30))
					.pollInterval(Duration.ofMillis(200))
					.until(() -> acknowledged.size() > acknowledgedWhileDown + 20);
				Duration recovery = Duration.ofNanos(System.nanoTime() - back);
				running.set(false);

				assertThat(ready.status()).as("/ready while the database is down").isEqualTo(503);
				assertThat(recovery).as("recovery after the database came back").isLessThan(Duration.ofSeconds(15));
			}
			assertThat(problems).as("answers other than 202 or 503 with Retry-After, or too slow").isEmpty();
			assertThat(statuses.keySet()).containsOnly(202, 503);
			await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/ready").anonymous().send().status() == 200);
			assertThat(api.post("/flush", "").send().status()).isEqualTo(200);
			JdbcClient jdbc = app.getBean(JdbcClient.class);
			List<String> stored = jdbc.sql("select id from scenario_logs where scenario_id = :id")
				.param("id", UUID.fromString(scenario))
				.query((rs, n) -> rs.getObject("id").toString())
				.list();
			assertThat(stored).as("every acknowledged message is stored").containsAll(acknowledged);
		}
	}

	private static void pause(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
