package io.costlens.pricing;

import java.math.BigDecimal;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A price for a service tier the catalog does not price yet in that region.
 *
 * @param key what is priced
 * @param pricePerUnit USD per unit
 * @param unit the unit
 * @param effectiveFrom when it applies from, or {@code null} for now
 * @param source where the figure comes from
 */
public record NewPrice(PriceKey key, BigDecimal pricePerUnit, String unit, @Nullable Instant effectiveFrom,
		String source) {

}
