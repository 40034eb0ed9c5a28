package io.costlens.devlens;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import io.costlens.devlens.GithubImport.PullRequest;
import io.costlens.devlens.GithubRepository.DayCount;

/**
 * ProdLens' report over a window, computed from the daily roll-ups and the GitHub rows,
 * with the bugs of its {@code ReportGenerator} fixed: the repository filters, PR
 * throughput is per week of the window, and the multiple-comparison adjustment steps up.
 *
 * @param query what was asked
 * @param totals the roll-ups of the window added up
 * @param days the roll-ups per day
 * @param models the roll-ups per model ({@code ""} for none)
 * @param medianLatencyMs the median session latency
 * @param pullRequests the PRs created in the window
 * @param commitDays the commits per day of the window
 * @param windowDays the length of the window in days (at least 1)
 */
record Report(Query query, DailyRollup totals, Map<LocalDate, DailyRollup> days, Map<String, DailyRollup> models,
		double medianLatencyMs, List<PullRequest> pullRequests, List<DayCount> commitDays, double windowDays) {

	static final String METHOD = "benjamini-hochberg";

	/**
	 * What a report covers.
	 *
	 * @param from the first day
	 * @param since how the caller named it (days back, or a date)
	 * @param repo the repository, or {@code null} for all
	 * @param lagDays how many days commits lag behind sessions in the correlation
	 * @param policyModels the policy model globs
	 */
	record Query(LocalDate from, String since, @Nullable String repo, int lagDays, List<String> policyModels) {

		Instant start() {
			return this.from.atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
		}

	}

	long sessions() {
		return this.totals.sessions;
	}

	double sessionsPerHour() {
		if (sessions() == 0 || this.totals.firstAt == null || this.totals.lastAt == null) {
			return 0.0;
		}
		double hours = Duration.between(this.totals.firstAt, this.totals.lastAt).toMillis() / 3_600_000.0;
		return sessions() / Math.max(hours, 1.0);
	}

	double acceptanceRate() {
		return (sessions() == 0) ? 0.0 : (double) this.totals.accepted / sessions();
	}

	double errorRate() {
		return (sessions() == 0) ? 0.0 : (double) this.totals.errors / sessions();
	}

	/**
	 * The share of sessions on a policy model, or {@code null} without a policy or
	 * sessions.
	 */
	@Nullable Double modelSelectionAccuracy() {
		if (this.query.policyModels().isEmpty() || sessions() == 0) {
			return null;
		}
		List<Pattern> globs = this.query.policyModels().stream().map(Report::glob).toList();
		long onPolicy = this.models.entrySet()
			.stream()
			.filter((e) -> globs.stream().anyMatch((g) -> g.matcher(e.getKey()).matches()))
			.mapToLong((e) -> e.getValue().sessions)
			.sum();
		return (double) onPolicy / sessions();
	}

	double tokensPerAccept() {
		return (this.totals.accepted == 0) ? 0.0 : (double) this.totals.acceptedTokens / this.totals.accepted;
	}

	double tokensPerAcceptedLine() {
		if (this.totals.accepted == 0 || this.totals.acceptedLinesSeen == 0) {
			return 0.0;
		}
		return (double) this.totals.acceptedTokens / ((this.totals.acceptedLines == 0) ? 1 : this.totals.acceptedLines);
	}

	List<PullRequest> merged() {
		return this.pullRequests.stream().filter((pr) -> pr.mergedAt() != null).toList();
	}

	double weeklyMergedPrs() {
		return merged().size() / (this.windowDays / 7.0);
	}

	long totalCommits() {
		return this.commitDays.stream().mapToLong(DayCount::count).sum();
	}

	double dailyCommits() {
		return this.commitDays.isEmpty() ? 0.0 : (double) totalCommits() / this.commitDays.size();
	}

	List<Double> mergeTimesHours() {
		return merged().stream()
			.map((pr) -> Duration.between(pr.createdAt(), pr.mergedAt()).toMillis() / 3_600_000.0)
			.map((h) -> BigDecimal.valueOf(h).setScale(2, RoundingMode.HALF_EVEN).doubleValue())
			.sorted()
			.toList();
	}

	@Nullable Double medianMergeTimeHours() {
		List<Double> times = mergeTimesHours();
		if (times.isEmpty()) {
			return null;
		}
		int n = times.size();
		return (n % 2 == 1) ? times.get(n / 2) : (times.get(n / 2 - 1) + times.get(n / 2)) / 2;
	}

	List<PullRequest> closed() {
		return this.pullRequests.stream().filter((pr) -> pr.state().equals("closed")).toList();
	}

	double reworkRate() {
		List<PullRequest> closed = closed();
		return closed.isEmpty() ? 0.0 : (double) closed.stream().filter(PullRequest::reopened).count() / closed.size();
	}

	BigDecimal costPerMergedPr() {
		int merged = merged().size();
		return (merged == 0) ? BigDecimal.ZERO
				: this.totals.costUsd.divide(BigDecimal.valueOf(merged), 12, RoundingMode.HALF_EVEN);
	}

	/** The models with unpriced sessions in the window, most sessions first. */
	List<String> unpricedModels() {
		return this.models.entrySet()
			.stream()
			.filter((e) -> e.getValue().unpricedCount > 0)
			.sorted((a, b) -> Long.compare(b.getValue().unpricedCount, a.getValue().unpricedCount))
			.map((e) -> e.getKey().isEmpty() ? "(no model)" : e.getKey())
			.toList();
	}

	/**
	 * Daily sessions against the commits {@code lag} days later, on the days both have.
	 */
	Pair sessionsVsCommits() {
		Map<LocalDate, Double> commits = new TreeMap<>();
		this.commitDays.forEach((d) -> commits.put(d.day().minusDays(this.query.lagDays()), (double) d.count()));
		Map<LocalDate, Double> sessions = new TreeMap<>();
		this.days.forEach((day, r) -> sessions.put(day, (double) r.sessions));
		return Pair.join(sessions, commits);
	}

	Correlation.Result pearson() {
		Pair pair = sessionsVsCommits();
		return Correlation.pearson(pair.x(), pair.y());
	}

	Correlation.Result spearman() {
		Pair pair = sessionsVsCommits();
		return Correlation.spearman(pair.x(), pair.y());
	}

	/** The adjusted p-values of the report's tests, by ProdLens' labels. */
	Map<String, Double> adjusted() {
		Map<String, Double> raw = new LinkedHashMap<>();
		Correlation.Result pearson = pearson();
		Correlation.Result spearman = spearman();
		if (pearson.pValue() != null) {
			raw.put("ai_outcome_pearson", pearson.pValue());
		}
		if (spearman.pValue() != null) {
			raw.put("ai_outcome_spearman", spearman.pValue());
		}
		if (this.totals.diffCount > 0) {
			raw.put("acceptance_threshold", 1.0 - (double) this.totals.diffAbove / this.totals.diffCount);
		}
		return Correlation.benjaminiHochberg(raw);
	}

	/** The report with every key ProdLens' {@code generate_report} has. */
	Map<String, Object> raw() {
		Map<String, Object> report = new LinkedHashMap<>();
		report.put("ai_interaction_velocity", map("median_latency_ms", this.medianLatencyMs, "sessions_per_hour",
				sessionsPerHour(), "total_sessions", sessions()));
		report.put("acceptance_rate", acceptanceRate());
		report.put("model_selection_accuracy", modelSelectionAccuracy());
		report.put("error_rate", errorRate());
		report.put("token_efficiency",
				map("tokens_per_accept", tokensPerAccept(), "accepted_sessions", this.totals.accepted, "total_tokens",
						(double) ((this.totals.accepted == 0) ? 0 : this.totals.acceptedTokens),
						"tokens_per_accepted_line", tokensPerAcceptedLine()));
		boolean diffs = this.totals.diffCount > 0;
		report.put("acceptance_quality",
				map("avg_diff_ratio", diffs ? this.totals.diffSum / this.totals.diffCount : null,
						"share_above_threshold", diffs ? (double) this.totals.diffAbove / this.totals.diffCount : null,
						"threshold", DailyRollup.DIFF_THRESHOLD, "sample", this.totals.diffCount));
		report.put("pr_throughput", map("weekly_merged_prs", weeklyMergedPrs(), "total_merged", merged().size(),
				"window_weeks", this.windowDays / 7.0));
		report.put("commit_frequency", map("daily_commits", dailyCommits(), "total_commits", totalCommits()));
		report.put("pr_merge_time_hours", mergeTimesHours());
		report.put("rework_rate", reworkRate());
		report.put("cost_metrics",
				map("total_session_cost_usd", this.totals.costUsd.stripTrailingZeros().toPlainString(),
						"merged_pr_count", merged().size(), "cost_per_merged_pr_usd",
						costPerMergedPr().stripTrailingZeros().toPlainString(), "priced_sessions",
						this.totals.pricedCount, "unpriced_sessions", this.totals.unpricedCount, "unpriced_tokens",
						this.totals.unpricedTokens, "unpriced_models", unpricedModels()));
		report.put("ai_outcome_association",
				map("pearson", result(pearson()), "spearman", result(spearman()), "lag_days", this.query.lagDays()));
		report.put("multiple_comparison_adjustment", map("method", METHOD, "adjusted", adjusted()));
		report.put("metadata",
				map("repo", this.query.repo(), "since", this.query.since(), "lag_days", this.query.lagDays()));
		return report;
	}

	private static Map<String, Object> result(Correlation.Result result) {
		return map("r", result.r(), "p_value", result.pValue(), "count", result.count());
	}

	static Map<String, Object> map(@Nullable Object... keysAndValues) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			map.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return map;
	}

	static Pattern glob(String glob) {
		StringBuilder regex = new StringBuilder();
		for (char c : glob.toCharArray()) {
			switch (c) {
				case '*' -> regex.append(".*");
				case '?' -> regex.append('.');
				default -> regex.append(Pattern.quote(String.valueOf(c)));
			}
		}
		return Pattern.compile(regex.toString());
	}

	/**
	 * Two daily series joined on the days both have, as arrays.
	 *
	 * @param days the joined days
	 * @param x the first series
	 * @param y the second series
	 */
	record Pair(List<LocalDate> days, double[] x, double[] y) {

		static Pair join(Map<LocalDate, Double> first, Map<LocalDate, Double> second) {
			List<LocalDate> days = new ArrayList<>();
			first.keySet().stream().filter(second::containsKey).sorted().forEach(days::add);
			return new Pair(days, days.stream().mapToDouble(first::get).toArray(),
					days.stream().mapToDouble(second::get).toArray());
		}

	}

}
