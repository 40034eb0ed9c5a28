package io.costlens.predictions;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Which predictions to list, newest first.
 *
 * @param modelName only this model, or all
 * @param from only at or after this time, or no lower bound
 * @param until only before this time, or no upper bound
 * @param limit at most this many
 * @param offset skipping this many of the newest
 */
public record PredictionFilter(@Nullable String modelName, @Nullable Instant from, @Nullable Instant until, int limit,
		long offset) {

}
