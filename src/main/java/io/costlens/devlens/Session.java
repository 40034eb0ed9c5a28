package io.costlens.devlens;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.jspecify.annotations.Nullable;

/**
 * A stored session: the canonical trace plus what the import derives from it.
 *
 * @param trace the normalised trace
 * @param traceHash ProdLens' dedup key
 * @param costUsd the cost at the price in force then, or {@code null} when unpriced
 */
record Session(CanonicalTrace trace, String traceHash, @Nullable BigDecimal costUsd) {

	static Session of(CanonicalTrace trace, @Nullable BigDecimal costUsd) {
		return new Session(trace, TraceHash.of(trace), costUsd);
	}

	LocalDate eventDate() {
		return this.trace.timestamp().atOffset(ZoneOffset.UTC).toLocalDate();
	}

	boolean priced() {
		return this.costUsd != null;
	}

	boolean failed() {
		return this.trace.statusCode() != null && this.trace.statusCode() >= 400;
	}

}
