package io.costlens.scenarios;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import io.costlens.platform.GroupCommitProperties;

/**
 * Settings of the scenarios module.
 *
 * @param ingest how log ingestion takes and writes messages
 */
@ConfigurationProperties("costlens.scenarios")
record ScenariosProperties(@DefaultValue Ingest ingest) {

	/**
	 * How log ingestion takes and writes messages.
	 *
	 * @param groupCommit how the one writer of this instance batches logs into
	 * transactions
	 * @param runningCacheTtl how long a "scenario is running" answer is reused by request
	 * threads; the writer re-checks inside its transaction, so a stopped scenario takes
	 * no log after its stop committed
	 * @param maxBatchMessages the most messages one {@code /ingest/batch} call may carry
	 */
	record Ingest(@DefaultValue GroupCommitProperties groupCommit, @DefaultValue("1s") Duration runningCacheTtl,
			@DefaultValue("10000") int maxBatchMessages) {

		Ingest {
			if (groupCommit.capacity() < maxBatchMessages) {
				throw new IllegalArgumentException(
						"costlens.scenarios.ingest.group-commit.capacity (" + groupCommit.capacity()
								+ ") must hold a whole batch of max-batch-messages (" + maxBatchMessages + ")");
			}
		}

	}

}
