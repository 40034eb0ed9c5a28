package io.costlens.operations;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import io.costlens.IntegrationTest;
import io.costlens.TestApi;
import io.costlens.TestApi.Response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The alerts and dashboards read metrics a running Costlens really exports, at the path
 * and with the credential the scrape configuration uses.
 */
@IntegrationTest
class ObservabilityAssetsIntegrationTests {

	/** Series Prometheus makes itself for every target. */
	private static final Set<String> SYNTHETIC = Set.of("up");

	@Autowired
	TestApi api;

	@Autowired
	Scheduler scheduler;

	@Test
	void everyMetricAnAlertOrADashboardReadsIsExported() {
		Set<String> exported = exportedMetrics();
		Map<String, Set<String>> missing = new TreeMap<>();
		Map<String, String> queries = new TreeMap<>(ObservabilityFiles.dashboardQueries());
		ObservabilityFiles.alerts().forEach((name, expression) -> queries.put("alerts.yml: " + name, expression));
		queries.forEach((where, expression) -> {
			Set<String> unknown = new TreeSet<>(PromQl.metricNames(expression));
			unknown.removeAll(exported);
			unknown.removeAll(SYNTHETIC);
			if (!unknown.isEmpty()) {
				missing.put(where, unknown);
			}
		});

		assertThat(queries).hasSizeGreaterThan(70);
		assertThat(queries.values().stream().flatMap((q) -> PromQl.metricNames(q).stream())).contains(
				"costlens_group_commit_seconds_bucket", "hikaricp_connections_active", "costlens_logs_tokens_total",
				"jvm_memory_usage_after_gc", "http_server_requests_seconds_bucket",
				"costlens_providers_sync_age_seconds", "costlens_providers_keys_invalidated_total",
				"costlens_providers_syncs_total");
		assertThat(missing).as("metrics read but not exported").isEmpty();
	}

	@Test
	void servesTheScrapePathToABearerKeyAndToNobodyWithout() {
		String path = (String) ObservabilityFiles.scrapeJob().get("metrics_path");
		Map<String, Object> authorization = DeploymentFiles.map(ObservabilityFiles.scrapeJob().get("authorization"));

		assertThat(authorization.get("type")).isEqualTo("Bearer");
		assertThat(authorization.get("credentials_file")).isNotNull();
		Response scrape = this.api.get(path).anonymous().header("Authorization", "Bearer " + TestApi.ADMIN_KEY).send();
		assertThat(scrape.status()).isEqualTo(200);
		assertThat(scrape.contentType()).startsWith("text/plain");
		assertThat(this.api.get(path).anonymous().send().status()).isEqualTo(401);
	}

	private Set<String> exportedMetrics() {
		// a request of each kind, a collection and a job run here, so their meters exist
		this.api.get("/health").anonymous().send();
		this.api.get("/api/v1/scenarios").send();
		System.gc();
		runAJobHere();
		Response scrape = this.api.get("/actuator/prometheus").send();
		assertThat(scrape.status()).isEqualTo(200);
		Set<String> names = new TreeSet<>();
		for (String line : scrape.body().split("\n")) {
			if (!line.isBlank() && !line.startsWith("#")) {
				names.add(line.split("[{ ]", 2)[0]);
			}
		}
		return names;
	}

	/**
	 * Job meters appear on an instance once it completed a job; the test contexts share
	 * their database, so another one may take a run: ask again until this one did one.
	 */
	private void runAJobHere() {
		TaskInstanceId retention = TaskInstanceId.of("prediction-retention", RecurringTask.INSTANCE);
		await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(2)).until(() -> {
			if (this.api.get("/actuator/prometheus").send().body().contains("dbscheduler_task_completions_total")) {
				return true;
			}
			try {
				this.scheduler.reschedule(retention, Instant.now());
			}
			catch (RuntimeException ex) {
				// running right now somewhere: look again
			}
			this.scheduler.triggerCheckForDueExecutions();
			return false;
		});
	}

}
