package io.costlens.predictions;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A prediction to log.
 *
 * @param modelName the model that made it, not blank, no control characters
 * @param durationMs how long it took, in milliseconds, not negative
 * @param wasSuccessful whether it succeeded
 * @param timestamp when it was made, or {@code null} for now
 */
public record NewPrediction(String modelName, int durationMs, boolean wasSuccessful, @Nullable Instant timestamp) {

	public NewPrediction {
		if (modelName.isBlank() || modelName.chars().anyMatch(Character::isISOControl)) {
			throw new IllegalArgumentException("The model name must not be blank or hold control characters");
		}
		if (durationMs < 0) {
			throw new IllegalArgumentException("The duration must not be negative, was " + durationMs);
		}
	}

	/**
	 * The same prediction with its time fixed: given, or now; in microseconds as stored.
	 */
	NewPrediction at(Instant now) {
		Instant time = (this.timestamp != null) ? this.timestamp : now;
		return new NewPrediction(this.modelName, this.durationMs, this.wasSuccessful,
				time.truncatedTo(ChronoUnit.MICROS));
	}

	/** The stored prediction: this one, fixed {@link #at} a time, with its id. */
	Prediction withId(long id) {
		return new Prediction(id, this.modelName, this.durationMs, this.wasSuccessful,
				Objects.requireNonNull(this.timestamp, "the time is fixed before the write"));
	}

}
