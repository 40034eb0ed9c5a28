package io.costlens.operations;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The alert rules, their unit tests, the scrape configuration and the dashboards' queries
 * pass promtool (Debian's {@code prometheus} package; {@code .ci/run} installs it).
 */
class PrometheusRulesTests {

	@Test
	void hasAtLeastFifteenAlertsEachWithAUnitTestThatMakesItFire() {
		Map<String, String> alerts = ObservabilityFiles.alerts();

		assertThat(alerts).hasSizeGreaterThanOrEqualTo(15);
		assertThat(ObservabilityFiles.alertsTestedFiring()).containsAll(alerts.keySet());
		assertThat(alerts.keySet()).containsAll(ObservabilityFiles.alertsTestedFiring());
	}

	@Test
	void promtoolAcceptsTheRulesAndTheirUnitTestsPass() throws Exception {
		assumePromtool();

		assertThat(promtool(ObservabilityFiles.PROMETHEUS, "check", "rules", "alerts.yml")).contains("SUCCESS");
		assertThat(promtool(ObservabilityFiles.PROMETHEUS, "test", "rules", "alerts.test.yml")).contains("SUCCESS");
	}

	@Test
	void promtoolAcceptsTheScrapeConfiguration(@TempDir Path dir) throws Exception {
		assumePromtool();
		Files.copy(ObservabilityFiles.SCRAPE_CONFIG, dir.resolve("prometheus.yml"));
		Files.copy(ObservabilityFiles.ALERTS, dir.resolve("alerts.yml"));
		Files.createDirectories(dir.resolve("secrets"));
		Files.writeString(dir.resolve("secrets/costlens-scrape-key"), "clk_example");

		assertThat(promtool(dir, "check", "config", "prometheus.yml")).contains("SUCCESS");
	}

	@Test
	void everyDashboardQueryIsValidPromQl(@TempDir Path dir) throws Exception {
		assumePromtool();
		List<String> rules = new ArrayList<>();
		rules.add("groups:\n  - name: dashboards\n    rules:");
		int i = 0;
		for (String query : ObservabilityFiles.dashboardQueries().values()) {
			String expression = query.replace("$__rate_interval", "1m")
				.replace("$__range", "1h")
				.replace("$instance", ".*")
				.replaceAll("^label_values\\((.*),\\s*\\w+\\)$", "$1");
			rules.add("      - record: dashboard_query_" + (i++) + "\n        expr: '" + expression.replace("'", "''")
					+ "'");
		}
		Files.write(dir.resolve("queries.yml"), rules);

		assertThat(i).isGreaterThan(50);
		assertThat(promtool(dir, "check", "rules", "queries.yml")).contains("SUCCESS");
	}

	private static void assumePromtool() {
		assumeTrue(Files.isExecutable(Path.of("/usr/bin/promtool")) || onPath("promtool"),
				"promtool is not installed (apt-get install prometheus): Prometheus rule checks SKIPPED");
	}

	private static boolean onPath(String tool) {
		for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
			if (Files.isExecutable(Path.of(dir, tool))) {
				return true;
			}
		}
		return false;
	}

	private static String promtool(Path dir, String... arguments) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of("promtool"));
		command.addAll(List.of(arguments));
		Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes());
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as("promtool %s:%n%s", String.join(" ", arguments), output).isZero();
		return output;
	}

}
