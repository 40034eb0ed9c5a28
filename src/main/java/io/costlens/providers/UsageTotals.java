package io.costlens.providers;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * Sums over usage rows, grouped by a day or a model or not at all.
 *
 * @param group the day ({@code YYYY-MM-DD}) or model of the group, {@code null} for all
 * rows
 * @param requestsCount requests (rows that report none count nothing)
 * @param tokensInput prompt tokens
 * @param tokensOutput completion tokens
 * @param cost USD
 */
public record UsageTotals(@Nullable String group, long requestsCount, long tokensInput, long tokensOutput,
		BigDecimal cost) {

}
