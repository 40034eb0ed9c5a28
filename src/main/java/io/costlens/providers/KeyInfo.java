package io.costlens.providers;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * What OpenRouter's {@code GET /key} says about a key (all amounts USD).
 *
 * @param managementKey whether it is a management key (activity readable, no completions)
 * @param limit the spend cap, {@code null} for none
 * @param limitRemaining what is left of the cap
 * @param limitReset when the cap resets: {@code daily}, {@code weekly}, {@code monthly}
 * or {@code null}
 * @param usageDaily credits used in the current UTC day
 */
record KeyInfo(boolean managementKey, @Nullable BigDecimal limit, @Nullable BigDecimal limitRemaining,
		@Nullable String limitReset, @Nullable BigDecimal usageDaily) {

	KeyType type() {
		return this.managementKey ? KeyType.MANAGEMENT : KeyType.ORDINARY;
	}

}
