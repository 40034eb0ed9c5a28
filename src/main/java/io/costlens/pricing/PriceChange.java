package io.costlens.pricing;

import java.math.BigDecimal;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A change to the current price of a service tier; absent fields keep their value.
 *
 * @param pricePerUnit the new price
 * @param unit the new unit
 * @param source where the new figure comes from
 * @param effectiveFrom when the new price applies from (default now); equal to the
 * current row's start, it corrects that row in place, re-pricing its whole period
 */
public record PriceChange(@Nullable BigDecimal pricePerUnit, @Nullable String unit, @Nullable String source,
		@Nullable Instant effectiveFrom) {

}
