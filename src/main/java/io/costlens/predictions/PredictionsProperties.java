package io.costlens.predictions;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.boot.context.properties.bind.DefaultValue;

import io.costlens.platform.GroupCommitter;
import io.costlens.platform.RetentionPolicy;

/**
 * Settings of prediction logging.
 *
 * @param queueCapacity how many predictions may wait for the writer; more are refused
 * with 503 and {@code Retry-After}
 * @param maxBatchSize the most single predictions written in one transaction
 * @param maxWait how long the writer lingers for more predictions before a transaction
 * (0: it takes what is waiting, which batches under load without slowing an idle server)
 * @param commitTimeout how long a request waits for its commit before it answers 503
 * @param maxBatchRequestSize the most predictions one batch request may carry
 * @param retention how long predictions and their hourly and daily roll-ups are kept
 * ({@code costlens.predictions.retention.*})
 */
@ConfigurationProperties("costlens.predictions")
record PredictionsProperties(@DefaultValue("50000") int queueCapacity, @DefaultValue("1000") int maxBatchSize,
		@DefaultValue("0ms") Duration maxWait, @DefaultValue("30s") Duration commitTimeout,
		@DefaultValue("10000") int maxBatchRequestSize,
		@NestedConfigurationProperty @DefaultValue RetentionPolicy retention) {

	GroupCommitter.Settings groupCommit() {
		return new GroupCommitter.Settings(Math.max(this.queueCapacity, this.maxBatchRequestSize), this.maxBatchSize,
				this.maxWait, this.commitTimeout, 3, Duration.ofSeconds(1));
	}

}
