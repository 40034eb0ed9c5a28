package io.costlens.scenarios;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import io.costlens.platform.GroupCommitProperties;
import io.costlens.platform.RetentionPolicy;
import io.costlens.platform.WorkBudgetProperties;

/**
 * Settings of the scenarios module.
 *
 * @param ingest how log ingestion takes and writes messages
 * @param retention how long stored logs and the hourly roll-ups are kept
 * ({@code costlens.scenarios.retention.*})
 */
@ConfigurationProperties("costlens.scenarios")
record ScenariosProperties(@DefaultValue Ingest ingest, @DefaultValue RetentionPolicy retention) {

	/**
	 * How log ingestion takes and writes messages.
	 *
	 * @param groupCommit how the one writer of this instance batches logs into
	 * transactions
	 * @param runningCacheTtl how long a "scenario is running" answer is reused by request
	 * threads; the writer re-checks inside its transaction, so a stopped scenario takes
	 * no log after its stop committed
	 * @param maxBatchMessages the most messages one {@code /ingest/batch} call may carry
	 * @param inspection how much message inspection (PII, tokens) may run at once; beyond
	 * it an ingest is answered 503 with {@code Retry-After}
	 */
	record Ingest(@DefaultValue GroupCommitProperties groupCommit, @DefaultValue("1s") Duration runningCacheTtl,
			@DefaultValue("10000") int maxBatchMessages, @DefaultValue WorkBudgetProperties inspection) {

		Ingest {
			if (groupCommit.capacity() < maxBatchMessages) {
				throw new IllegalArgumentException(
						"costlens.scenarios.ingest.group-commit.capacity (" + groupCommit.capacity()
								+ ") must hold a whole batch of max-batch-messages (" + maxBatchMessages + ")");
			}
		}

	}

}
