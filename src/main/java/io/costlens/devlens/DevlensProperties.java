package io.costlens.devlens;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import io.costlens.platform.GroupCommitProperties;
import io.costlens.platform.RetentionPolicy;

/**
 * Settings of developer AI analytics.
 *
 * @param queueCapacity how many sessions may wait for the writer; an import that does not
 * fit is answered 503 with {@code Retry-After}
 * @param maxBatchSize the most sessions written in one transaction
 * @param commitTimeout how long an import waits for a commit before it answers 503
 * @param importChunk how many sessions of an import are handed to the writer together
 * @param relatedWindow how long after a session a PR or commit of the same developer in
 * the same repository counts as related to it
 * @param metricsInterval how often {@code /ws/metrics} sends {@code metrics_update}
 * @param metricsDays the window (days back) of the KPIs {@code /ws/metrics} sends
 * @param policyModels the models developers should use (globs: {@code *} and {@code ?}),
 * for {@code model_selection_accuracy}; none configured gives {@code no_data}
 * @param anomalyZ the robust z-score from which a day counts as an anomaly
 * @param thresholds the KPI thresholds
 * @param retention how long sessions (and the trace lines an import refused) and the
 * daily roll-ups the KPIs read are kept ({@code costlens.devlens.retention.*}); an import
 * refuses traces older than {@code retention.age}, which would be deleted at once
 */
@ConfigurationProperties("costlens.devlens")
record DevlensProperties(@DefaultValue("50000") int queueCapacity, @DefaultValue("1000") int maxBatchSize,
		@DefaultValue("30s") Duration commitTimeout, @DefaultValue("1000") int importChunk,
		@DefaultValue("72h") Duration relatedWindow, @DefaultValue("5s") Duration metricsInterval,
		@DefaultValue("7") int metricsDays, @DefaultValue List<String> policyModels,
		@DefaultValue("3.5") double anomalyZ, @DefaultValue Thresholds thresholds,
		@DefaultValue RetentionPolicy retention) {

	GroupCommitProperties groupCommit() {
		return new GroupCommitProperties(Math.max(this.queueCapacity, this.importChunk), this.maxBatchSize,
				Duration.ZERO, this.commitTimeout, 3, Duration.ofMillis(20), Duration.ofSeconds(1));
	}

	/**
	 * The value each KPI is measured against (research notes §3).
	 *
	 * @param aiInteractionVelocity sessions per hour (higher is better)
	 * @param acceptanceRate % of sessions accepted (higher is better)
	 * @param modelSelectionAccuracy % of sessions on policy models (higher is better)
	 * @param errorRate % of sessions with status ≥ 400 (lower is better)
	 * @param tokenEfficiency tokens per accepted line (lower is better)
	 * @param prThroughput merged PRs per week (higher is better)
	 * @param commitFrequency commits per day (higher is better)
	 * @param prMergeTimeHours median hours from PR creation to merge (lower is better)
	 * @param reworkRate % of closed PRs reopened (lower is better)
	 */
	record Thresholds(@DefaultValue("4") double aiInteractionVelocity, @DefaultValue("25") double acceptanceRate,
			@DefaultValue("80") double modelSelectionAccuracy, @DefaultValue("5") double errorRate,
			@DefaultValue("50") double tokenEfficiency, @DefaultValue("5") double prThroughput,
			@DefaultValue("10") double commitFrequency, @DefaultValue("24") double prMergeTimeHours,
			@DefaultValue("22") double reworkRate) {
	}

}
