package io.costlens.platform;

import java.time.Duration;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a {@link GroupCommitter} batches, waits and retries. Each write path binds one
 * under its own prefix, e.g. {@code costlens.predictions.group-commit}.
 *
 * @param capacity the most items that may wait; more are refused with 503 and
 * {@code Retry-After} (nothing accepted is dropped)
 * @param maxBatchSize the most items per transaction (items submitted together are never
 * split, so a larger group makes a larger transaction)
 * @param maxWait how long the writer lingers for more items once it has one; zero takes
 * only what is already waiting, which batches well under load without adding latency when
 * idle
 * @param commitTimeout how long a request waits for its commit, and a flush for
 * everything accepted before it, before answering 503 (the write may still commit)
 * @param maxAttempts how often a batch is tried when it fails transiently (a deadlock, or
 * another instance inserting the same roll-up row first)
 * @param retryBackoff the pause before the second attempt, doubled before each further
 * one
 * @param retryAfter what a 503 tells the client to wait
 */
public record GroupCommitProperties(@DefaultValue("50000") int capacity, @DefaultValue("1000") int maxBatchSize,
		@DefaultValue("0ms") Duration maxWait, @DefaultValue("30s") Duration commitTimeout,
		@DefaultValue("3") int maxAttempts, @DefaultValue("20ms") Duration retryBackoff,
		@DefaultValue("1s") Duration retryAfter) {

	public GroupCommitProperties {
		if (capacity < 1 || maxBatchSize < 1 || maxAttempts < 1) {
			throw new IllegalArgumentException("capacity, max-batch-size and max-attempts must be at least 1");
		}
		if (maxWait.isNegative() || retryBackoff.isNegative() || !commitTimeout.isPositive()) {
			throw new IllegalArgumentException(
					"max-wait and retry-backoff must not be negative and commit-timeout must be positive");
		}
	}

	/** The pause after the given failed attempt: the backoff, doubled per attempt. */
	Duration backoffAfter(int attempt) {
		return this.retryBackoff.multipliedBy(1L << Math.min(attempt - 1, 16));
	}

}
