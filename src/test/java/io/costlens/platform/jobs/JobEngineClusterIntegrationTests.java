package io.costlens.platform.jobs;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.costlens.Instances;
import io.costlens.platform.Jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of the application on one PostgreSQL database share the queue: each
 * queued execution runs exactly once, on one of them.
 */
class JobEngineClusterIntegrationTests {

	private static final int EXECUTIONS = 40;

	@Test
	void twoInstancesRunEachQueuedExecutionExactlyOnce() {
		assumeThat(System.getProperty("costlens.test.database")).as("needs the PostgreSQL test database")
			.isEqualTo("postgres");
		try (ConfigurableApplicationContext first = start("node-a");
				ConfigurableApplicationContext second = start("node-b")) {
			JdbcClient jdbc = first.getBean(JdbcClient.class);
			jdbc.sql("create table if not exists job_probe_runs (execution varchar(100) not null, "
					+ "node varchar(20) not null)")
				.update();
			String batch = UUID.randomUUID().toString();
			Jobs jobs = first.getBean(Jobs.class);
			@SuppressWarnings("unchecked")
			CustomTask<String> probe = first.getBean("clusterProbe", CustomTask.class);

			IntStream.range(0, EXECUTIONS).forEach((i) -> jobs.enqueue(probe, batch + "-" + i, batch + "-" + i));

			await().atMost(Duration.ofSeconds(60)).until(() -> runs(jdbc, batch) >= EXECUTIONS);
			await().during(Duration.ofSeconds(2))
				.atMost(Duration.ofSeconds(5))
				.until(() -> runs(jdbc, batch) == EXECUTIONS);
			List<Map<String, Object>> perExecution = jdbc.sql(
					"select execution, count(*) as n from job_probe_runs where execution like :batch group by execution")
				.param("batch", batch + "-%")
				.query()
				.listOfRows();
			assertThat(perExecution).hasSize(EXECUTIONS).allSatisfy((row) -> assertThat(row.get("n")).isEqualTo(1L));
			assertThat(jdbc.sql("select distinct node from job_probe_runs where execution like :batch")
				.param("batch", batch + "-%")
				.query(String.class)
				.list()).as("both instances took part").containsExactlyInAnyOrder("node-a", "node-b");
			assertThat(jdbc.sql("select count(*) from scheduled_tasks where task_name = 'cluster-probe'")
				.query(Integer.class)
				.single()).isZero();
		}
	}

	private static int runs(JdbcClient jdbc, String batch) {
		return jdbc.sql("select count(*) from job_probe_runs where execution like :batch")
			.param("batch", batch + "-%")
			.query(Integer.class)
			.single();
	}

	private static ConfigurableApplicationContext start(String node) {
		return Instances.start(node, new String[] { "--costlens.test.node=" + node }, ProbeJob.class);
	}

	/** A job that takes a moment and records which instance ran it. */
	static class ProbeJob {

		@Bean
		CustomTask<String> clusterProbe(Jobs jobs, JdbcClient jdbc,
				org.springframework.core.env.Environment environment) {
			String node = environment.getProperty("costlens.test.node");
			return jobs.oneTime("cluster-probe", String.class).execute((execution) -> {
				Thread.sleep(50);
				jdbc.sql("insert into job_probe_runs (execution, node) values (:execution, :node)")
					.param("execution", execution)
					.param("node", node)
					.update();
				return Map.of("node", node);
			});
		}

	}

}
