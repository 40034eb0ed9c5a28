package io.costlens.operations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static io.costlens.operations.DeploymentFiles.list;
import static io.costlens.operations.DeploymentFiles.map;

/**
 * The Prometheus and Grafana files of the repository: alert rules, their unit tests, the
 * scrape configuration and the dashboards' queries.
 */
final class ObservabilityFiles {

	static final Path PROMETHEUS = DeploymentFiles.ROOT.resolve("deploy/prometheus");

	static final Path ALERTS = PROMETHEUS.resolve("alerts.yml");

	static final Path ALERT_TESTS = PROMETHEUS.resolve("alerts.test.yml");

	static final Path SCRAPE_CONFIG = PROMETHEUS.resolve("prometheus.yml");

	static final Path DASHBOARDS = DeploymentFiles.ROOT.resolve("deploy/grafana/dashboards");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ObservabilityFiles() {
	}

	/** Every alert rule: name → expression. */
	static Map<String, String> alerts() {
		Map<String, String> alerts = new LinkedHashMap<>();
		for (Object group : list(DeploymentFiles.yaml(ALERTS).get(0).get("groups"))) {
			for (Object rule : list(map(group).get("rules"))) {
				alerts.put((String) map(rule).get("alert"), (String) map(rule).get("expr"));
			}
		}
		return alerts;
	}

	/** The alerts that some unit test expects to fire. */
	static List<String> alertsTestedFiring() {
		List<String> tested = new ArrayList<>();
		for (Object test : list(DeploymentFiles.yaml(ALERT_TESTS).get(0).get("tests"))) {
			for (Object check : list(map(test).get("alert_rule_test"))) {
				if (!list(map(check).get("exp_alerts")).isEmpty()) {
					tested.add((String) map(check).get("alertname"));
				}
			}
		}
		return tested;
	}

	/** The job scraping Costlens in the scrape configuration. */
	static Map<String, Object> scrapeJob() {
		return list(DeploymentFiles.yaml(SCRAPE_CONFIG).get(0).get("scrape_configs")).stream()
			.map(DeploymentFiles::map)
			.filter((job) -> "costlens".equals(job.get("job_name")))
			.findFirst()
			.orElseThrow();
	}

	/** Every dashboard file. */
	static List<Path> dashboards() {
		try (Stream<Path> files = Files.list(DASHBOARDS)) {
			return files.filter((f) -> f.toString().endsWith(".json")).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static JsonNode dashboard(Path file) {
		try {
			return JSON.readTree(Files.readString(file));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Every query of every dashboard: "file: panel" → expression. */
	static Map<String, String> dashboardQueries() {
		Map<String, String> queries = new LinkedHashMap<>();
		for (Path file : dashboards()) {
			JsonNode dashboard = dashboard(file);
			for (JsonNode panel : dashboard.get("panels")) {
				int i = 0;
				for (JsonNode target : panel.path("targets")) {
					queries.put(file.getFileName() + ": " + panel.get("title").asString() + " #" + (i++),
							target.get("expr").asString());
				}
			}
			for (JsonNode variable : dashboard.path("templating").path("list")) {
				queries.put(file.getFileName() + ": $" + variable.get("name").asString(),
						variable.get("definition").asString());
			}
		}
		return queries;
	}

}
