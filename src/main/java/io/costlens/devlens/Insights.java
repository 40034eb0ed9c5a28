package io.costlens.devlens;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;

import io.costlens.devlens.GithubRepository.DayCount;
import io.costlens.devlens.Kpis.Kpi;
import io.costlens.devlens.Report.Pair;
import io.costlens.devlens.RobustZ.Anomaly;

/**
 * ProdLens' insights, made to depend on the data: correlations of daily AI use with
 * outcomes (Pearson and Spearman with Benjamini–Hochberg adjusted p-values), statistical
 * anomalies per day, and findings and recommendations from the KPI statuses.
 */
@Service
class Insights {

	private static final double ALPHA = 0.05;

	private static final int RELIABLE_PAIRS = 6;

	private static final Map<String, String[]> TEXTS = Map.of("ai_interaction_velocity",
			new String[] { "AI interaction velocity", "Check that developers have the assistant set up and use it" },
			"acceptance_rate",
			new String[] { "Acceptance rate", "Review AI suggestion quality and consider model fine-tuning" },
			"model_selection_accuracy",
			new String[] { "Model selection accuracy", "Steer sessions to the policy models" }, "error_rate",
			new String[] { "Error rate", "Investigate error sources and improve system reliability" },
			"token_efficiency", new String[] { "Token efficiency", "Optimize prompts to reduce token usage and costs" },
			"pr_throughput",
			new String[] { "PR throughput", "Split work into smaller pull requests to merge more often" },
			"commit_frequency", new String[] { "Commit frequency", "Commit smaller changes more often" },
			"pr_merge_time_hours",
			new String[] { "PR merge time", "Streamline code review process to reduce PR merge time" }, "rework_rate",
			new String[] { "Rework rate", "Improve code quality checks and review processes" });

	private final Analytics analytics;

	private final GithubRepository github;

	private final DevlensProperties properties;

	Insights(Analytics analytics, GithubRepository github, DevlensProperties properties) {
		this.analytics = analytics;
		this.github = github;
		this.properties = properties;
	}

	/**
	 * One correlation.
	 *
	 * @param variable1 the daily AI-use series
	 * @param variable2 the outcome series, {@code lag_days} later
	 * @param method {@code pearson} or {@code spearman}
	 * @param r the coefficient, null below two days or for a constant series
	 * @param pValue its p-value
	 * @param adjustedPValue the Benjamini–Hochberg adjusted p-value over all correlations
	 * @param count the days both series have
	 * @param lagDays the lag
	 * @param significant whether the adjusted p-value is below 0.05
	 * @param reliable whether there are at least 6 days
	 * @param effectSize negligible, small, medium or large (|r| at 0.1, 0.3, 0.5)
	 */
	record CorrelationMetric(String variable1, String variable2, String method, @Nullable Double r,
			@Nullable Double pValue, @JsonProperty("adjusted_p_value") @Nullable Double adjustedPValue, int count,
			int lagDays, boolean significant, boolean reliable, @Nullable String effectSize) {
	}

	Map<String, Object> insights(Report.Query query) {
		return insights(this.analytics.report(query));
	}

	/** The insights of a report already built. */
	Map<String, Object> insights(Report report) {
		Report.Query query = report.query();
		Map<String, Kpi> kpis = Kpis.of(report, this.properties.thresholds());
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("key_findings", findings(kpis));
		body.put("correlations", correlations(report));
		body.put("recommendations", recommendations(kpis, report));
		body.put("anomalies", anomalies(report));
		body.put("window", Report.map("since", query.since(), "repo", query.repo(), "lag_days", query.lagDays()));
		body.put("generated_at", Instant.now());
		return body;
	}

	private List<CorrelationMetric> correlations(Report report) {
		int lag = report.query().lagDays();
		Map<LocalDate, Double> merged = new TreeMap<>();
		for (DayCount day : this.github.mergedPerDay(report.query().start(), report.query().repo())) {
			merged.put(day.day().minusDays(lag), (double) day.count());
		}
		Map<LocalDate, Double> tokens = new TreeMap<>();
		Map<LocalDate, Double> cost = new TreeMap<>();
		report.days().forEach((day, r) -> {
			tokens.put(day, (double) r.totalTokens);
			cost.put(day, r.costUsd.doubleValue());
		});
		Map<String, Pair> pairs = new LinkedHashMap<>();
		pairs.put("daily_sessions|daily_commits", report.sessionsVsCommits());
		pairs.put("daily_tokens|daily_merged_prs", Pair.join(tokens, merged));
		pairs.put("daily_cost_usd|daily_merged_prs", Pair.join(cost, merged));
		Map<String, Correlation.Result> results = new LinkedHashMap<>();
		pairs.forEach((name, pair) -> {
			results.put(name + "|pearson", Correlation.pearson(pair.x(), pair.y()));
			results.put(name + "|spearman", Correlation.spearman(pair.x(), pair.y()));
		});
		Map<String, Double> raw = new LinkedHashMap<>();
		results.forEach((key, result) -> {
			if (result.pValue() != null) {
				raw.put(key, result.pValue());
			}
		});
		Map<String, Double> adjusted = Correlation.benjaminiHochberg(raw);
		List<CorrelationMetric> metrics = new ArrayList<>();
		results.forEach((key, result) -> {
			String[] parts = key.split("\\|");
			Double q = adjusted.get(key);
			metrics
				.add(new CorrelationMetric(parts[0], parts[1], parts[2], result.r(), result.pValue(), q, result.count(),
						lag, q != null && q < ALPHA, result.count() >= RELIABLE_PAIRS, effectSize(result.r())));
		});
		return metrics;
	}

	private List<Anomaly> anomalies(Report report) {
		Map<LocalDate, Double> cost = new TreeMap<>();
		Map<LocalDate, Double> tokens = new TreeMap<>();
		Map<LocalDate, Double> errors = new TreeMap<>();
		Map<LocalDate, Double> latency = new TreeMap<>();
		report.days().forEach((day, r) -> {
			cost.put(day, r.costUsd.doubleValue());
			tokens.put(day, (double) r.totalTokens);
			errors.put(day, 100.0 * r.errors / r.sessions);
			latency.put(day, r.latencySum / r.sessions);
		});
		double z = this.properties.anomalyZ();
		List<Anomaly> anomalies = new ArrayList<>();
		anomalies.addAll(RobustZ.detect("daily_cost_usd", cost, z));
		anomalies.addAll(RobustZ.detect("daily_tokens", tokens, z));
		anomalies.addAll(RobustZ.detect("daily_error_rate_percent", errors, z));
		anomalies.addAll(RobustZ.detect("daily_mean_latency_ms", latency, z));
		return anomalies;
	}

	private static List<String> findings(Map<String, Kpi> kpis) {
		List<String> findings = new ArrayList<>();
		kpis.forEach((name, kpi) -> {
			if (kpi.hasData()) {
				String mark = switch (kpi.status()) {
					case "good" -> "✓";
					case "warning" -> "•";
					default -> "⚠";
				};
				findings.add(String.format(java.util.Locale.ROOT, "%s %s is %s: %.4g %s (target %s %s)", mark,
						TEXTS.get(name)[0], kpi.status(), kpi.value(), kpi.unit(), lowerIsBetter(name) ? "≤" : "≥",
						trim(kpi.threshold())));
			}
		});
		if (findings.isEmpty()) {
			findings.add("Collecting data for insights...");
		}
		return findings;
	}

	private static List<String> recommendations(Map<String, Kpi> kpis, Report report) {
		List<String> recommendations = new ArrayList<>();
		kpis.forEach((name, kpi) -> {
			if (kpi.hasData() && !kpi.status().equals("good")) {
				recommendations.add(TEXTS.get(name)[1]);
			}
		});
		List<String> unpriced = report.unpricedModels();
		if (!unpriced.isEmpty()) {
			recommendations.add("Add catalog prices for the unpriced models (" + String.join(", ", unpriced)
					+ "): their " + report.totals().unpricedCount + " sessions are not in the cost figures");
		}
		if (recommendations.isEmpty()) {
			recommendations.add("Continue current practices - metrics are healthy");
		}
		return recommendations;
	}

	private static boolean lowerIsBetter(String kpi) {
		return List.of("error_rate", "token_efficiency", "pr_merge_time_hours", "rework_rate").contains(kpi);
	}

	private static String trim(double value) {
		return (value == Math.rint(value)) ? String.valueOf((long) value) : String.valueOf(value);
	}

	private static @Nullable String effectSize(@Nullable Double r) {
		if (r == null) {
			return null;
		}
		double size = Math.abs(r);
		return (size < 0.1) ? "negligible" : (size < 0.3) ? "small" : (size < 0.5) ? "medium" : "large";
	}

}
