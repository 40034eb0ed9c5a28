package io.costlens.providers;

import java.util.Map;

/**
 * What one run of a job did, for its log line.
 *
 * @param keys keys handled
 * @param succeeded keys that succeeded
 * @param failed keys that failed (retried on the next run)
 * @param rows rows written or deleted
 */
record RunCounts(int keys, int succeeded, int failed, long rows) {

	static final RunCounts NONE = new RunCounts(0, 0, 0, 0);

	RunCounts plus(boolean success, long moreRows) {
		return new RunCounts(this.keys + 1, this.succeeded + (success ? 1 : 0), this.failed + (success ? 0 : 1),
				this.rows + moreRows);
	}

	/** The counts as the job engine logs them. */
	Map<String, ?> asMap() {
		return Map.of("keys", this.keys, "succeeded", this.succeeded, "failed", this.failed, "rows", this.rows);
	}

}
