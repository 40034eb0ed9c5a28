package io.costlens.predictions;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import io.costlens.platform.GroupCommitProperties;

/**
 * Settings of prediction logging.
 *
 * @param groupCommit how the one writer of this instance batches predictions into
 * transactions
 * @param maxBatchRequestSize the most predictions one batch request may carry
 */
@ConfigurationProperties("costlens.predictions")
record PredictionsProperties(@DefaultValue GroupCommitProperties groupCommit,
		@DefaultValue("10000") int maxBatchRequestSize) {

	PredictionsProperties {
		if (groupCommit.capacity() < maxBatchRequestSize) {
			throw new IllegalArgumentException("costlens.predictions.group-commit.capacity (" + groupCommit.capacity()
					+ ") must hold a whole batch of max-batch-request-size (" + maxBatchRequestSize + ")");
		}
	}

}
