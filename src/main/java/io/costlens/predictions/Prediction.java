package io.costlens.predictions;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One logged prediction, as stored.
 *
 * @param id the id the service gave it
 * @param modelName the model that made the prediction
 * @param durationMs how long the prediction took, in milliseconds
 * @param wasSuccessful whether it succeeded
 * @param timestamp when it was made (UTC)
 */
public record Prediction(@Schema(example = "1") long id, @Schema(example = "apartment_price_v1") String modelName,
		@Schema(example = "124") int durationMs, @Schema(example = "true") boolean wasSuccessful,
		@Schema(example = "2025-06-09T12:00:00Z") Instant timestamp) {

}
