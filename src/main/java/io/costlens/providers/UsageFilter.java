package io.costlens.providers;

import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Which usage rows a read covers; {@code null} means no restriction.
 *
 * @param userId the owner whose rows these are (always set for members)
 * @param keyId one key
 * @param model one model
 * @param from the first UTC day
 * @param to the last UTC day, inclusive
 */
record UsageFilter(@Nullable UUID userId, @Nullable UUID keyId, @Nullable String model, @Nullable LocalDate from,
		@Nullable LocalDate to) {

}
