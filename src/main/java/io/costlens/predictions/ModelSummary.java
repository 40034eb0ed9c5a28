package io.costlens.predictions;

import java.time.Instant;

/**
 * A model that has logged predictions, with its totals.
 *
 * @param modelName the model
 * @param totalRequests predictions logged
 * @param successfulRequests of which succeeded
 * @param failedRequests of which failed
 * @param firstSeenAt the time of its oldest prediction
 * @param lastSeenAt the time of its newest prediction
 */
public record ModelSummary(String modelName, long totalRequests, long successfulRequests, long failedRequests,
		Instant firstSeenAt, Instant lastSeenAt) {

}
