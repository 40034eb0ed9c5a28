package io.costlens.providers;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One stored usage row.
 *
 * @param apiKeyId the provider key
 * @param date the UTC day
 * @param model the model, {@code *} for a key-level row
 * @param requestsCount requests, {@code null} where the provider reports none
 * @param tokensInput prompt tokens
 * @param tokensOutput completion tokens
 * @param cost USD
 */
public record UsageStat(UUID apiKeyId, LocalDate date, String model, @Nullable Long requestsCount,
		@Nullable Long tokensInput, @Nullable Long tokensOutput, BigDecimal cost) {

}
