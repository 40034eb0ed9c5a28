package io.costlens.providers;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * Usage of one key on one UTC day with one model, as a sync stores it. Counts are
 * {@code null} where the provider reports none (the key-level rows of ordinary keys).
 *
 * @param date the UTC day
 * @param model the model slug, or {@value #KEY_LEVEL} for the key's whole day
 * @param requests requests made
 * @param tokensInput prompt tokens
 * @param tokensOutput completion tokens (reasoning tokens included, as OpenRouter counts
 * them)
 * @param cost USD charged
 */
record DailyUsage(LocalDate date, String model, @Nullable Long requests, @Nullable Long tokensInput,
		@Nullable Long tokensOutput, BigDecimal cost) {

	static final String KEY_LEVEL = "*";

	DailyUsage plus(DailyUsage other) {
		return new DailyUsage(this.date, this.model, sum(this.requests, other.requests),
				sum(this.tokensInput, other.tokensInput), sum(this.tokensOutput, other.tokensOutput),
				this.cost.add(other.cost));
	}

	private static @Nullable Long sum(@Nullable Long a, @Nullable Long b) {
		if (a == null) {
			return b;
		}
		return (b == null) ? a : a + b;
	}

}
