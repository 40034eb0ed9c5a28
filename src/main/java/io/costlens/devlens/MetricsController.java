package io.costlens.devlens;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.costlens.platform.ApiExample;
import io.costlens.platform.Caches.Level;
import io.costlens.platform.Caches;

/** ProdLens' KPIs and full report, from the daily roll-ups. */
@RestController
@Tag(name = "DevLens")
class MetricsController {

	private static final TypeReference<Map<String, Object>> REPORT = new TypeReference<>() {
	};

	private final Analytics analytics;

	private final DevlensProperties properties;

	private final Insights insights;

	private final Caches caches;

	MetricsController(Analytics analytics, DevlensProperties properties, Insights insights, Caches caches) {
		this.caches = caches;
		this.analytics = analytics;
		this.properties = properties;
		this.insights = insights;
	}

	@GetMapping("/api/insights")
	@Operation(summary = "Correlations of daily AI use with commits and merged PRs (Pearson and Spearman, "
			+ "Benjamini-Hochberg adjusted), robust z-score anomalies per day, findings and recommendations")
	@ApiResponse(responseCode = "422", description = "lag_days outside 0-7, a bad since or repo (validation_error)")
	@ApiExample(params = { "since=30", "lag_days=1" })
	Map<String, Object> insights(@RequestParam(required = false) @Nullable String since,
			@RequestParam(required = false) @Nullable String repo,
			@RequestParam(name = "lag_days", required = false) @Nullable String lagDays,
			@RequestParam(name = "policy_model", required = false) @Nullable List<String> policyModels) {
		return cached("devlens-insights", since, repo, lagDays, policyModels, () -> this.insights
			.insights(this.analytics.query(since, repo, lagDays, (policyModels != null) ? policyModels : List.of())));
	}

	@GetMapping("/api/metrics")
	@Operation(summary = "The 9 KPIs over the last `since` days, each {value, unit, threshold, status}")
	@ApiResponse(responseCode = "422", description = "A bad since, repo or lag_days (validation_error)")
	@ApiExample(params = { "since=30", "repo=acme/shop" })
	Map<String, Object> metrics(@Parameter(
			description = "days back from today, or the first UTC day: a date, or a date-time for its day") @RequestParam(
					required = false) @Nullable String since,
			@RequestParam(required = false) @Nullable String repo,
			@Parameter(description = "policy model globs; replace costlens.devlens.policy-models") @RequestParam(
					name = "policy_model", required = false) @Nullable List<String> policyModels) {
		return cached("devlens-kpis", since, repo, null, policyModels, () -> {
			Report report = this.analytics
				.report(this.analytics.query(since, repo, null, (policyModels != null) ? policyModels : List.of()));
			return Kpis.response(Kpis.of(report, this.properties.thresholds()), Instant.now());
		});
	}

	@GetMapping("/api/metrics/raw")
	@Operation(summary = "ProdLens' full report: every KPI's detail, cost per merged PR (unpriced sessions listed), "
			+ "the sessions-vs-commits correlation and the Benjamini-Hochberg adjustment")
	@ApiResponse(responseCode = "422", description = "A bad since, repo or lag_days outside 0-7 (validation_error)")
	@ApiExample(params = { "since=2026-11-01", "lag_days=1" })
	Map<String, Object> raw(@RequestParam(required = false) @Nullable String since,
			@RequestParam(required = false) @Nullable String repo,
			@RequestParam(name = "lag_days", required = false) @Nullable String lagDays,
			@RequestParam(name = "policy_model", required = false) @Nullable List<String> policyModels) {
		return cached("devlens-report", since, repo, lagDays, policyModels, () -> this.analytics
			.report(this.analytics.query(since, repo, lagDays, (policyModels != null) ? policyModels : List.of()))
			.raw());
	}

	/**
	 * A report-level cache entry per query and UTC day (a window counted in days back
	 * moves at midnight), stale once anything is imported.
	 */
	private Map<String, Object> cached(String cache, @Nullable String since, @Nullable String repo,
			@Nullable String lagDays, @Nullable List<String> policyModels, Supplier<Map<String, Object>> report) {
		String key = LocalDate.now(ZoneOffset.UTC) + "|" + since + "|" + repo + "|" + lagDays + "|" + policyModels;
		return this.caches.get(Level.REPORT, cache, key, REPORT, report, Devlens.DATA);
	}

}
