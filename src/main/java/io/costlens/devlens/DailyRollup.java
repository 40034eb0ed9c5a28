package io.costlens.devlens;

import java.math.BigDecimal;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The totals of one roll-up row (or of many added up): counts, tokens, priced cost and
 * unpriced sessions, latency sum, acceptance and diff-ratio sums, first and last session
 * time. Additive, so a re-imported session is taken out and put back in.
 */
final class DailyRollup {

	static final double DIFF_THRESHOLD = 0.7;

	long sessions;

	long accepted;

	long errors;

	long tokensIn;

	long tokensOut;

	long totalTokens;

	long pricedCount;

	BigDecimal costUsd = BigDecimal.ZERO;

	long unpricedCount;

	long unpricedTokens;

	double latencySum;

	long acceptedTokens;

	long acceptedLines;

	long acceptedLinesSeen;

	long diffCount;

	double diffSum;

	long diffAbove;

	@Nullable Instant firstAt;

	@Nullable Instant lastAt;

	/** Adds a new session: its counts and its time. */
	void add(Session session) {
		count(session, 1);
		Instant at = session.trace().timestamp();
		this.firstAt = (this.firstAt == null || at.isBefore(this.firstAt)) ? at : this.firstAt;
		this.lastAt = (this.lastAt == null || at.isAfter(this.lastAt)) ? at : this.lastAt;
	}

	/**
	 * Replaces a stored session by its re-import (same hash, so same time and latency):
	 * only cost, diff ratio and accepted lines can change.
	 */
	void replace(Session stored, Session imported) {
		count(stored, -1);
		count(imported, 1);
	}

	void merge(DailyRollup other) {
		this.sessions += other.sessions;
		this.accepted += other.accepted;
		this.errors += other.errors;
		this.tokensIn += other.tokensIn;
		this.tokensOut += other.tokensOut;
		this.totalTokens += other.totalTokens;
		this.pricedCount += other.pricedCount;
		this.costUsd = this.costUsd.add(other.costUsd);
		this.unpricedCount += other.unpricedCount;
		this.unpricedTokens += other.unpricedTokens;
		this.latencySum += other.latencySum;
		this.acceptedTokens += other.acceptedTokens;
		this.acceptedLines += other.acceptedLines;
		this.acceptedLinesSeen += other.acceptedLinesSeen;
		this.diffCount += other.diffCount;
		this.diffSum += other.diffSum;
		this.diffAbove += other.diffAbove;
		if (other.firstAt != null && (this.firstAt == null || other.firstAt.isBefore(this.firstAt))) {
			this.firstAt = other.firstAt;
		}
		if (other.lastAt != null && (this.lastAt == null || other.lastAt.isAfter(this.lastAt))) {
			this.lastAt = other.lastAt;
		}
	}

	private void count(Session session, int sign) {
		CanonicalTrace trace = session.trace();
		this.sessions += sign;
		this.errors += session.failed() ? sign : 0;
		this.tokensIn += sign * trace.tokensIn();
		this.tokensOut += sign * trace.tokensOut();
		this.totalTokens += sign * trace.totalTokens();
		if (session.costUsd() != null) {
			this.pricedCount += sign;
			this.costUsd = this.costUsd.add((sign > 0) ? session.costUsd() : session.costUsd().negate());
		}
		else {
			this.unpricedCount += sign;
			this.unpricedTokens += sign * trace.totalTokens();
		}
		this.latencySum += sign * trace.latencyMs();
		if (trace.acceptedFlag()) {
			this.accepted += sign;
			this.acceptedTokens += sign * trace.totalTokens();
			if (trace.acceptedLines() != null) {
				this.acceptedLines += (long) sign * trace.acceptedLines();
				this.acceptedLinesSeen += sign;
			}
		}
		if (trace.diffRatio() != null) {
			this.diffCount += sign;
			this.diffSum += sign * trace.diffRatio();
			this.diffAbove += (trace.diffRatio() >= DIFF_THRESHOLD) ? sign : 0;
		}
	}

}
