package io.costlens.scenarios;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import io.costlens.platform.GroupCommitter;

/**
 * How log ingestion batches its writes.
 *
 * @param queueCapacity the most messages waiting to be written; more are refused with 503
 * and {@code Retry-After}
 * @param maxBatchSize the most messages per transaction (a batch request is never split)
 * @param maxWait how long the writer lingers for more messages once it has one; zero
 * writes what is waiting at once, which batches well under load without adding latency
 * @param commitTimeout how long a request waits for its commit before answering 503
 * @param runningCacheTtl how long a "scenario is running" answer is reused by request
 * threads; the writer re-checks inside its transaction, so a stopped scenario takes no
 * log after its stop committed
 * @param maxBatchMessages the most messages one {@code /ingest/batch} call may carry
 */
@ConfigurationProperties("costlens.scenarios.ingest")
record IngestSettings(@DefaultValue("50000") int queueCapacity, @DefaultValue("2000") int maxBatchSize,
		@DefaultValue("0ms") Duration maxWait, @DefaultValue("30s") Duration commitTimeout,
		@DefaultValue("1s") Duration runningCacheTtl, @DefaultValue("10000") int maxBatchMessages) {

	GroupCommitter.Settings committer() {
		return new GroupCommitter.Settings(this.queueCapacity, this.maxBatchSize, this.maxWait, this.commitTimeout, 3,
				Duration.ofSeconds(1));
	}

}
