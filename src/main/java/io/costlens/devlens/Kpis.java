package io.costlens.devlens;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.costlens.devlens.DevlensProperties.Thresholds;

/**
 * The nine KPIs of {@code /api/metrics}, mapped from a report as ProdLens meant them
 * (research notes §3): percentages ×100, velocity as sessions per hour, token efficiency
 * per accepted line, throughput per week, merge time as the median, and the status
 * inverted for the KPIs where lower is better.
 */
final class Kpis {

	private Kpis() {
	}

	/**
	 * One KPI.
	 *
	 * @param value its value (0 when there is no data)
	 * @param unit its unit
	 * @param threshold the target
	 * @param status {@code good}, {@code warning}, {@code critical} or {@code no_data}
	 */
	record Kpi(double value, String unit, double threshold, String status) {

		static Kpi of(@Nullable Double value, String unit, double threshold, boolean lowerIsBetter) {
			if (value == null) {
				return new Kpi(0.0, unit, threshold, "no_data");
			}
			return new Kpi(value, unit, threshold, Kpis.status(value, threshold, lowerIsBetter));
		}

		boolean hasData() {
			return !this.status.equals("no_data");
		}

	}

	static String status(double value, double threshold, boolean lowerIsBetter) {
		if (lowerIsBetter) {
			return (value <= threshold) ? "good" : (value <= 2 * threshold) ? "warning" : "critical";
		}
		return (value >= threshold) ? "good" : (value >= 0.5 * threshold) ? "warning" : "critical";
	}

	static Map<String, Kpi> of(Report report, Thresholds t) {
		boolean sessions = report.sessions() > 0;
		Map<String, Kpi> kpis = new LinkedHashMap<>();
		kpis.put("ai_interaction_velocity",
				Kpi.of(sessions ? report.sessionsPerHour() : null, "sessions/hour", t.aiInteractionVelocity(), false));
		kpis.put("acceptance_rate",
				Kpi.of(sessions ? 100 * report.acceptanceRate() : null, "%", t.acceptanceRate(), false));
		Double accuracy = report.modelSelectionAccuracy();
		kpis.put("model_selection_accuracy",
				Kpi.of((accuracy != null) ? 100 * accuracy : null, "%", t.modelSelectionAccuracy(), false));
		kpis.put("error_rate", Kpi.of(sessions ? 100 * report.errorRate() : null, "%", t.errorRate(), true));
		boolean lines = report.totals().accepted > 0 && report.totals().acceptedLinesSeen > 0;
		kpis.put("token_efficiency",
				Kpi.of(lines ? report.tokensPerAcceptedLine() : null, "tokens/line", t.tokenEfficiency(), true));
		kpis.put("pr_throughput", Kpi.of(report.pullRequests().isEmpty() ? null : report.weeklyMergedPrs(), "PRs/week",
				t.prThroughput(), false));
		kpis.put("commit_frequency", Kpi.of(report.commitDays().isEmpty() ? null : report.dailyCommits(), "commits/day",
				t.commitFrequency(), false));
		kpis.put("pr_merge_time_hours", Kpi.of(report.medianMergeTimeHours(), "hours", t.prMergeTimeHours(), true));
		kpis.put("rework_rate",
				Kpi.of(report.closed().isEmpty() ? null : 100 * report.reworkRate(), "%", t.reworkRate(), true));
		return kpis;
	}

	/** The {@code /api/metrics} body: the KPIs and the time they were computed. */
	static Map<String, Object> response(Map<String, Kpi> kpis, Instant now) {
		Map<String, Object> body = new LinkedHashMap<>(kpis);
		body.put("timestamp", now);
		return body;
	}

}
