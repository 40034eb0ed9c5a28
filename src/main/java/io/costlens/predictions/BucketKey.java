package io.costlens.predictions;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * A roll-up bucket: one model in one UTC hour or one UTC day.
 *
 * @param modelName the model
 * @param span how long the bucket is
 * @param start the start of its hour or day
 */
record BucketKey(String modelName, Span span, Instant start) implements Comparable<BucketKey> {

	/** The hour and the day bucket a prediction counts in. */
	static List<BucketKey> of(Prediction prediction) {
		return List.of(Span.HOUR.keyOf(prediction), Span.DAY.keyOf(prediction));
	}

	Instant end() {
		return this.start.plus(1, this.span.unit);
	}

	/** Model, then span, then start: the order in which writers lock buckets. */
	@Override
	public int compareTo(BucketKey other) {
		int byModel = this.modelName.compareTo(other.modelName);
		if (byModel != 0) {
			return byModel;
		}
		int bySpan = this.span.compareTo(other.span);
		return (bySpan != 0) ? bySpan : this.start.compareTo(other.start);
	}

	/**
	 * How long a bucket is. Hours serve time series and are the exact base days are
	 * rebuilt from; days answer statistics over date ranges with few rows.
	 */
	enum Span {

		HOUR(ChronoUnit.HOURS), DAY(ChronoUnit.DAYS);

		private final ChronoUnit unit;

		Span(ChronoUnit unit) {
			this.unit = unit;
		}

		BucketKey keyOf(Prediction prediction) {
			return new BucketKey(prediction.modelName(), this, prediction.timestamp().truncatedTo(this.unit));
		}

		/** The value of the {@code bucket_span} column. */
		String column() {
			return name().toLowerCase(Locale.ROOT);
		}

		static Span of(String column) {
			return valueOf(column.toUpperCase(Locale.ROOT));
		}

	}

}
