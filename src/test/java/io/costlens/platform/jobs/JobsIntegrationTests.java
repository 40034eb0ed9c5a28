package io.costlens.platform.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import io.costlens.IntegrationTest;
import io.costlens.TestApi;
import io.costlens.TestUsers;
import io.costlens.platform.Jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The job engine as modules use it: retries with growing waits and then giving up with
 * the reason, abandoning runs that take too long, per-kind throughput limits that make
 * jobs wait instead of dropping them, a recurring job that keeps failing without harm,
 * and the dashboard for admins only.
 */
@IntegrationTest
@Import(JobsIntegrationTests.TestJobs.class)
@TestPropertySource(properties = { "costlens.jobs.max-retries=2", "costlens.jobs.retry-backoff=1s",
		"costlens.jobs.retry-multiplier=2", "costlens.jobs.max-run-time=1s", "db-scheduler.polling-interval=250ms" })
class JobsIntegrationTests {

	@Autowired
	TestApi api;

	@Autowired
	TestUsers users;

	@Autowired
	Jobs jobs;

	@Autowired
	TestJobs testJobs;

	@Autowired
	JdbcClient jdbc;

	@Test
	void retriesWithGrowingWaitsThenGivesUpWithTheReason() {
		String id = UUID.randomUUID().toString();

		this.jobs.enqueue(this.testJobs.flaky, id, id);

		await().atMost(Duration.ofSeconds(20)).until(() -> this.testJobs.givenUp.containsKey(id));
		assertThat(this.testJobs.givenUp.get(id)).isEqualTo("the remote said no");
		List<Instant> attempts = this.testJobs.attempts.stream()
			.filter((a) -> a.id().equals(id))
			.map(Attempt::at)
			.toList();
		assertThat(attempts).hasSize(3);
		Duration firstWait = Duration.between(attempts.get(0), attempts.get(1));
		Duration secondWait = Duration.between(attempts.get(1), attempts.get(2));
		assertThat(firstWait).isGreaterThanOrEqualTo(Duration.ofMillis(900));
		assertThat(secondWait).isGreaterThanOrEqualTo(Duration.ofMillis(1900));
		assertThat(queued("test-flaky", id)).isZero();
	}

	@Test
	void abandonsARunThatTakesTooLongAndCountsItAsAFailure() {
		String id = UUID.randomUUID().toString();

		this.jobs.enqueue(this.testJobs.slow, id, id);

		await().atMost(Duration.ofSeconds(30)).until(() -> this.testJobs.givenUp.containsKey(id));
		assertThat(this.testJobs.givenUp.get(id)).isEqualTo("ran longer than PT1S and was abandoned");
		assertThat(this.testJobs.interrupted.get()).isGreaterThanOrEqualTo(1);
	}

	@Test
	void runsNoMoreThanTheLimitOfAKindAMinuteAndKeepsTheRestQueued() {
		List<String> ids = List.of("a", "b", "c", "d", "e").stream().map((n) -> n + UUID.randomUUID()).toList();

		ids.forEach((id) -> this.jobs.enqueue(this.testJobs.limited, id, id));

		await().atMost(Duration.ofSeconds(10)).until(() -> this.testJobs.limitedRuns.size() >= 2);
		await().during(Duration.ofSeconds(2)).until(() -> this.testJobs.limitedRuns.size() == 2);
		long waiting = ids.stream().filter((id) -> queued("test-limited", id) == 1).count();
		assertThat(waiting).isEqualTo(3);
		Instant next = this.jdbc
			.sql("select min(execution_time) from scheduled_tasks where task_name = 'test-limited' and picked = false")
			.query(Instant.class)
			.single();
		assertThat(next).isAfter(Instant.now().plusSeconds(30));
	}

	@Test
	void aRecurringJobThatThrowsRunsAgainAndTheApplicationStaysUp() {
		await().atMost(Duration.ofSeconds(15)).until(() -> this.testJobs.brokenRuns.get() >= 2);

		assertThat(this.api.get("/health").anonymous().send().status()).isEqualTo(200);
	}

	@Test
	void servesTheDashboardToAdminsOnly() {
		String viewer = this.users.create("viewer", "free").apiKey();
		String member = this.users.member().apiKey();
		for (String path : List.of("/db-scheduler", "/db-scheduler/index.html", "/db-scheduler-api/tasks/all")) {
			assertThat(this.api.get(path).anonymous().send().status()).as(path).isEqualTo(401);
			assertThat(this.api.get(path).as(member).send().status()).as(path).isEqualTo(403);
			assertThat(this.api.get(path).as(viewer).send().status()).as(path).isEqualTo(403);
		}
		assertThat(this.api.post("/db-scheduler-api/tasks/delete?id=x&taskName=y", "").as(member).send().status())
			.isEqualTo(403);

		TestApi.Response page = this.api.get("/db-scheduler").send();
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("DB Scheduler UI");
		TestApi.Response tasks = this.api.get("/db-scheduler-api/tasks/all").send();
		assertThat(tasks.status()).isEqualTo(200);
		assertThat(tasks.body()).contains("test-broken");
	}

	@Test
	void keepsTheDashboardApiOutOfTheApiDocumentation() {
		String docs = this.api.get("/openapi.json").anonymous().send().body();

		assertThat(docs).contains("\"paths\"").doesNotContain("db-scheduler");
	}

	private int queued(String task, String id) {
		return this.jdbc.sql("select count(*) from scheduled_tasks where task_name = :task and task_instance = :id")
			.param("task", task)
			.param("id", id)
			.query(Integer.class)
			.single();
	}

	record Attempt(String id, Instant at) {
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class TestJobs {

		final Map<String, String> givenUp = new ConcurrentHashMap<>();

		final Queue<Attempt> attempts = new ConcurrentLinkedQueue<>();

		final Queue<String> limitedRuns = new ConcurrentLinkedQueue<>();

		final AtomicInteger interrupted = new AtomicInteger();

		final AtomicInteger brokenRuns = new AtomicInteger();

		final CustomTask<String> flaky;

		final CustomTask<String> slow;

		final CustomTask<String> limited;

		final RecurringTask<Void> broken;

		TestJobs(Jobs jobs) {
			this.flaky = jobs.oneTime("test-flaky", String.class).onGiveUp(this.givenUp::put).execute((id) -> {
				this.attempts.add(new Attempt(id, Instant.now()));
				throw new IllegalStateException("the remote said no");
			});
			this.slow = jobs.oneTime("test-slow", String.class).onGiveUp(this.givenUp::put).execute((id) -> {
				try {
					Thread.sleep(10_000);
				}
				catch (InterruptedException ex) {
					this.interrupted.incrementAndGet();
				}
				return Map.of();
			});
			this.limited = jobs.oneTime("test-limited", String.class).perMinute(2).execute((id) -> {
				this.limitedRuns.add(id);
				return Map.of("ran", 1);
			});
			this.broken = jobs.recurring("test-broken", Duration.ofMillis(300), () -> {
				this.brokenRuns.incrementAndGet();
				throw new IllegalStateException("always broken");
			});
		}

		@Bean
		CustomTask<String> flakyTask() {
			return this.flaky;
		}

		@Bean
		CustomTask<String> slowTask() {
			return this.slow;
		}

		@Bean
		CustomTask<String> limitedTask() {
			return this.limited;
		}

		@Bean
		RecurringTask<Void> brokenTask() {
			return this.broken;
		}

	}

}
