package io.costlens.predictions;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import io.costlens.platform.PlainText;

/**
 * The body of {@code POST /api/v1/predict-log}, as the original service took it.
 *
 * @param modelName the model that made the prediction
 * @param durationMs how long it took, in milliseconds
 * @param wasSuccessful whether it succeeded
 * @param timestamp when it was made (ISO-8601; without an offset it is UTC); now when
 * absent
 */
record PredictionRequest(
		@Schema(example = "apartment_price_v1", requiredMode = Schema.RequiredMode.REQUIRED) @NotBlank @Size(
				max = 255) @PlainText @Nullable String modelName,
		@Schema(example = "124",
				requiredMode = Schema.RequiredMode.REQUIRED) @NotNull @PositiveOrZero @Max(Integer.MAX_VALUE) @Nullable Long durationMs,
		@Schema(example = "true", requiredMode = Schema.RequiredMode.REQUIRED) @NotNull @Nullable Boolean wasSuccessful,
		@Schema(example = "2025-06-09T12:00:00") @IsoTimestamp @Size(max = 64) @Nullable String timestamp) {

	/** The command, once bean validation passed. */
	NewPrediction toCommand() {
		return new NewPrediction(require(this.modelName), Math.toIntExact(require(this.durationMs)),
				require(this.wasSuccessful), (this.timestamp != null) ? Timestamps.parse(this.timestamp) : null);
	}

	private static <T> T require(@Nullable T value) {
		if (value == null) {
			throw new IllegalStateException("validated before");
		}
		return value;
	}

}
