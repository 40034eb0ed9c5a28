package io.costlens;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicIntegerArray;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.costlens.TestApi.Response;
import io.costlens.TestUsers.User;
import io.costlens.audit.AuditEvent;
import io.costlens.dashboard.UiSession;
import io.costlens.platform.Jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of the application on one PostgreSQL database (and one Redis) behave as
 * one: one audit chain, one rate limit per caller, one answer per idempotency key, one
 * run of each scheduled job, and a revoked key or a deactivated user stops working on
 * both within the key cache's time. Runs in the PostgreSQL build only (CI switches it on
 * with {@code COSTLENS_TEST_POSTGRES_URL}); elsewhere it is skipped, saying so. The rate
 * limit test needs Redis as well ({@code COSTLENS_TEST_REDIS_URL}).
 */
class TwoInstancesIntegrationTests {

	/** The burst of the test tier, refilled at one request a minute. */
	private static final int LIMIT = 1000;

	private static final Duration KEY_CACHE_TTL = Duration.ofSeconds(3);

	private static final Duration PROBE_INTERVAL = Duration.ofMillis(300);

	private static final String REDIS_URL = System.getenv("COSTLENS_TEST_REDIS_URL");

	private static ConfigurableApplicationContext first;

	private static ConfigurableApplicationContext second;

	@BeforeAll
	static void startTwoInstances() {
		assumeThat(System.getProperty("costlens.test.database"))
			.as("two instances need the PostgreSQL test database (set COSTLENS_TEST_POSTGRES_URL, as .ci/run does)")
			.isEqualTo("postgres");
		List<String> arguments = new ArrayList<>(List.of("--costlens.audit.seal-interval=100ms",
				"--costlens.accounts.api-key-cache-ttl=" + KEY_CACHE_TTL.toSeconds() + "s",
				"--costlens.ratelimit.enabled=true", "--costlens.ratelimit.tiers.premium.per-minute=1",
				"--costlens.ratelimit.tiers.premium.burst=" + LIMIT,
				// every anonymous call and refused key counts against the one test IP:
				// far from
				// its limit
				"--costlens.ratelimit.tiers.free.per-minute=10000", "--costlens.ratelimit.tiers.free.burst=10000"));
		if (REDIS_URL != null && !REDIS_URL.isBlank()) {
			// keys of this run only: the test Redis is shared
			String prefix = "costlens-test:" + UUID.randomUUID() + ":";
			arguments.addAll(List.of("--costlens.redis.url=" + REDIS_URL,
					"--costlens.ratelimit.redis-key-prefix=" + prefix + "ratelimit:",
					"--costlens.cache.redis-key-prefix=" + prefix + "cache:"));
		}
		first = Instances.start("node-a", withNode(arguments, "node-a"), ProbeJob.class);
		second = Instances.start("node-b", withNode(arguments, "node-b"), ProbeJob.class);
	}

	private static String[] withNode(List<String> arguments, String node) {
		List<String> all = new ArrayList<>(arguments);
		all.add("--costlens.test.node=" + node);
		return all.toArray(String[]::new);
	}

	@AfterAll
	static void stopThem() {
		if (first != null && second != null) {
			// the probe's next run must not wait in the queue for instances that lack it
			first.getBean(Scheduler.class).stop();
			second.getBean(Scheduler.class).stop();
			first.getBean(JdbcClient.class)
				.sql("delete from scheduled_tasks where task_name = 'two-instances-probe'")
				.update();
		}
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

	@Test
	void holdsOneCallersRateLimitAcrossBothWithinOnePercent() throws Exception {
		assumeThat(REDIS_URL).as("shared rate limits need Redis (set COSTLENS_TEST_REDIS_URL, as .ci/run does)")
			.isNotBlank();
		User user = users().member();
		String key = api(first)
			.post("/api/v2/api-keys?user_id=" + user.id(), "{\"name\":\"rate\",\"tier\":\"premium\"}")
			.send()
			.json()
			.get("key")
			.asString();
		TestApi[] instances = { api(first), api(second) };
		// [instance * 2]: allowed, [instance * 2 + 1]: refused
		AtomicIntegerArray answers = new AtomicIntegerArray(4);
		List<Integer> others = new ArrayList<>();
		long started = System.nanoTime();
		try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
			List<Future<?>> requests = new ArrayList<>();
			for (int i = 0; i < 2 * LIMIT; i++) {
				int instance = i % 2;
				requests.add(pool.submit(() -> {
					int status = instances[instance].get("/api/v2/auth/me").as(key).send().status();
					if (status == 200 || status == 429) {
						answers.incrementAndGet(instance * 2 + ((status == 200) ? 0 : 1));
					}
					else {
						synchronized (others) {
							others.add(status);
						}
					}
				}));
			}
			for (Future<?> request : requests) {
				request.get();
			}
		}
		double minutes = (System.nanoTime() - started) / 60e9;

		assertThat(others).as("answers other than 200 and 429").isEmpty();
		int allowed = answers.get(0) + answers.get(2);
		// the bucket refills at one request a minute while the test runs
		assertThat(allowed).isBetween((int) Math.floor(LIMIT * 0.99), (int) Math.ceil((LIMIT + minutes) * 1.01));
		assertThat(answers.get(0)).as("allowed by the first").isPositive();
		assertThat(answers.get(2)).as("allowed by the second").isPositive();
		assertThat(answers.get(1)).as("refused by the first").isPositive();
		assertThat(answers.get(3)).as("refused by the second").isPositive();
	}

	@Test
	void answersAnIdempotencyKeyUsedOnOneInstanceFromTheOther() {
		String scenario = runningScenario();
		String key = UUID.randomUUID().toString();

		Response onFirst = ingest(first, scenario, key, "Order 1234 paid");
		Response onSecond = ingest(second, scenario, key, "Order 1234 paid");
		Response otherBody = ingest(second, scenario, key, "Order 1234 refunded");

		assertThat(onFirst.status()).isEqualTo(202);
		assertThat(onFirst.header("Idempotent-Replayed")).isNull();
		assertThat(onSecond.status()).isEqualTo(202);
		assertThat(onSecond.header("Idempotent-Replayed")).isEqualTo("true");
		assertThat(onSecond.body()).isEqualTo(onFirst.body());
		assertThat(otherBody.status()).isEqualTo(422);
		assertThat(otherBody.contentType()).startsWith("application/problem+json");
		assertThat(otherBody.body()).contains("Idempotency-Key");
		assertThat(logs(scenario)).isOne();
	}

	@Test
	void storesOnceWhenBothInstancesGetTheSameKeyAtOnce() {
		String scenario = runningScenario();
		List<String> keys = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			String key = UUID.randomUUID().toString();
			keys.add(key);
			CompletableFuture<Response> a = CompletableFuture
				.supplyAsync(() -> ingest(first, scenario, key, "sent twice " + key));
			CompletableFuture<Response> b = CompletableFuture
				.supplyAsync(() -> ingest(second, scenario, key, "sent twice " + key));
			List<Integer> statuses = List.of(a.join().status(), b.join().status());
			// the one that lost the race is told the first is in flight (409), or
			// answered its
			// response
			assertThat(statuses).as(key).contains(202).allMatch((s) -> s == 202 || s == 409);
		}

		for (String key : keys) {
			Response again = await().atMost(Duration.ofSeconds(10))
				.pollInterval(Duration.ofMillis(100))
				.until(() -> ingest(second, scenario, key, "sent twice " + key), (r) -> r.status() != 409);
			assertThat(again.status()).isEqualTo(202);
			assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
		}
		assertThat(logs(scenario)).isEqualTo(10);
	}

	@Test
	void stopsARevokedKeyOnBothWithinTheKeyCacheTime() {
		User user = users().create("member", "enterprise");
		assertThat(status(first, user.apiKey())).isEqualTo(200);
		assertThat(status(second, user.apiKey())).isEqualTo(200);

		assertThat(api(first).delete("/api/v2/api-keys/" + user.apiKeyId()).send().status()).isEqualTo(204);
		long revoked = System.nanoTime();

		assertThat(status(first, user.apiKey())).as("on the instance that revoked it").isEqualTo(401);
		assertThat(refusedAfter(second, user.apiKey(), revoked)).as("until the other refuses it")
			.isLessThanOrEqualTo(KEY_CACHE_TTL.plusSeconds(2));
		assertThat(status(first, user.apiKey())).isEqualTo(401);
		assertThat(status(second, user.apiKey())).isEqualTo(401);
	}

	@Test
	void stopsADeactivatedUsersKeysAndTokensOnBoth() {
		User user = users().create("member", "enterprise");
		String token = api(first)
			.post("/api/v2/auth/login",
					"{\"username\":\"" + user.username() + "\",\"password\":\"" + user.password() + "\"}")
			.anonymous()
			.send()
			.json()
			.get("access_token")
			.asString();
		for (ConfigurableApplicationContext instance : new ConfigurableApplicationContext[] { first, second }) {
			assertThat(status(instance, user.apiKey())).isEqualTo(200);
			assertThat(bearerStatus(instance, token)).isEqualTo(200);
		}

		assertThat(api(first).patch("/api/v2/users/" + user.id(), "{\"is_active\":false}").send().status())
			.isEqualTo(200);
		long deactivated = System.nanoTime();

		assertThat(bearerStatus(first, token)).as("their token at once, here").isEqualTo(401);
		assertThat(bearerStatus(second, token)).as("their token at once, there").isEqualTo(401);
		assertThat(status(first, user.apiKey())).as("their key at once, here").isEqualTo(401);
		assertThat(refusedAfter(second, user.apiKey(), deactivated)).as("until the other refuses their key")
			.isLessThanOrEqualTo(KEY_CACHE_TTL.plusSeconds(2));
	}

	@Test
	void endsADeactivatedUsersDashboardSessionOnTheOtherInstanceThoughTheUserIsCached() {
		User user = users().create("member", "enterprise");
		UiSession browser = new UiSession(api(second));
		browser.signIn(user.username(), user.password());
		assertThat(browser.get("/ui/").statusCode()).isEqualTo(200);
		assertThat(browser.get("/ui/").statusCode()).as("the user is cached there now").isEqualTo(200);

		assertThat(api(first).patch("/api/v2/users/" + user.id(), "{\"is_active\":false}").send().status())
			.isEqualTo(200);
		if (REDIS_URL != null && !REDIS_URL.isBlank()) {
			assertThat(UiSession.location(browser.get("/ui/")).toString()).as("at once, with shared generations")
				.endsWith("/ui/login?expired");
		}
		else {
			await().atMost(Duration.ofSeconds(3))
				.pollInterval(Duration.ofMillis(100))
				.until(() -> browser.get("/ui/").headers().firstValue("Location").orElse(""),
						(location) -> location.endsWith("/ui/login?expired"));
		}
	}

	@Test
	void runsEachScheduledRunOfARecurringJobOnceOnOneInstance() {
		JdbcClient jdbc = first.getBean(JdbcClient.class);
		await().atMost(Duration.ofSeconds(30)).until(() -> ProbeJob.runs(jdbc).size() >= 12);

		List<Map<String, Object>> runs = ProbeJob.runs(jdbc);
		for (int i = 1; i < runs.size(); i++) {
			long previousEnd = (Long) runs.get(i - 1).get("ended_at");
			long start = (Long) runs.get(i).get("started_at");
			// a fixed delay after the previous run: never overlapping it, never right on
			// its heels as a second instance running the same scheduled run would be
			assertThat(start - previousEnd).as("pause before run %d of %s", i, runs)
				.isGreaterThanOrEqualTo(PROBE_INTERVAL.toMillis() - 50);
		}
	}

	/** How long after {@code since} (nanos) the instance first refused the key. */
	private static Duration refusedAfter(ConfigurableApplicationContext instance, String apiKey, long since) {
		await().atMost(KEY_CACHE_TTL.plusSeconds(10))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> status(instance, apiKey), (status) -> {
				assertThat(status).isIn(200, 401);
				return status == 401;
			});
		return Duration.ofNanos(System.nanoTime() - since);
	}

	private static int status(ConfigurableApplicationContext instance, String apiKey) {
		return api(instance).get("/api/v2/auth/me").as(apiKey).send().status();
	}

	private static int bearerStatus(ConfigurableApplicationContext instance, String token) {
		return api(instance).get("/api/v2/auth/me")
			.anonymous()
			.header("Authorization", "Bearer " + token)
			.send()
			.status();
	}

	private static String runningScenario() {
		Response created = api(first)
			.post("/api/v1/scenarios", "{\"name\":\"two-" + UUID.randomUUID() + "\",\"region\":\"us-east-1\"}")
			.send();
		assertThat(created.status()).isEqualTo(201);
		String id = created.json().get("id").asString();
		assertThat(api(first).post("/api/v1/scenarios/" + id + "/start", "").send().status()).isEqualTo(200);
		return id;
	}

	private static Response ingest(ConfigurableApplicationContext instance, String scenario, String key,
			String message) {
		return api(instance).post("/ingest", "{\"message\":\"" + message + "\",\"source\":\"test\"}")
			.header("X-Scenario-ID", scenario)
			.header("Idempotency-Key", key)
			.send();
	}

	private static long logs(String scenario) {
		return first.getBean(JdbcClient.class)
			.sql("select count(*) from scenario_logs where scenario_id = :id")
			.param("id", UUID.fromString(scenario))
			.query(Long.class)
			.single();
	}

	private static JsonNode verify(ConfigurableApplicationContext instance) {
		Response response = api(instance).get("/api/v2/audit/verify").send();
		assertThat(response.status()).isEqualTo(200);
		return response.json();
	}

	private static TestUsers users() {
		return new TestUsers(api(first));
	}

	private static TestApi api(ConfigurableApplicationContext instance) {
		return new TestApi(instance.getEnvironment());
	}

	/**
	 * A recurring job on both instances that records when it ran, and where: on their
	 * clock, which they share in this JVM.
	 */
	static class ProbeJob {

		@Bean
		RecurringTask<Void> twoInstancesProbe(Jobs jobs, JdbcClient jdbc, Environment environment) {
			String node = environment.getProperty("costlens.test.node");
			return jobs.recurring("two-instances-probe", PROBE_INTERVAL, () -> {
				long started = System.currentTimeMillis();
				jdbc.sql("create table if not exists two_instances_probe_runs (node varchar(20) not null, "
						+ "started_at bigint not null, ended_at bigint not null)")
					.update();
				Thread.sleep(100);
				jdbc.sql("insert into two_instances_probe_runs (node, started_at, ended_at) "
						+ "values (:node, :started, :ended)")
					.param("node", node)
					.param("started", started)
					.param("ended", System.currentTimeMillis())
					.update();
				return Map.of("node", node);
			});
		}

		static List<Map<String, Object>> runs(JdbcClient jdbc) {
			try {
				return jdbc.sql("select node, started_at, ended_at from two_instances_probe_runs order by started_at")
					.query()
					.listOfRows();
			}
			catch (RuntimeException ex) {
				return List.of(); // no run yet made the table
			}
		}

	}

}
