package io.costlens.predictions;

import org.jspecify.annotations.Nullable;

/**
 * What one model did over a range of days. Counts, the average and min/max are exact; the
 * percentiles come from a DDSketch and are within 1 % of the exact value. With no
 * predictions in the range, counts and rates are 0 and the durations {@code null}.
 *
 * @param modelName the model
 * @param totalRequests predictions logged
 * @param successfulRequests of which succeeded
 * @param failedRequests of which failed
 * @param averageDurationMs the mean duration, exact
 * @param successRate successful / total, between 0 and 1
 * @param p50DurationMs the median duration
 * @param p95DurationMs the 95th percentile of the durations
 * @param p99DurationMs the 99th percentile of the durations
 * @param minDurationMs the shortest duration
 * @param maxDurationMs the longest duration
 */
public record ModelStats(String modelName, long totalRequests, long successfulRequests, long failedRequests,
		double averageDurationMs, double successRate, @Nullable Double p50DurationMs, @Nullable Double p95DurationMs,
		@Nullable Double p99DurationMs, @Nullable Integer minDurationMs, @Nullable Integer maxDurationMs) {

}
