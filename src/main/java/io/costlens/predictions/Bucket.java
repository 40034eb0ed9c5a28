package io.costlens.predictions;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

import com.datadoghq.sketch.ddsketch.DDSketch;
import org.jspecify.annotations.Nullable;

/**
 * The roll-up of a set of predictions: exact counts, sum, extremes and first/last times,
 * plus the sketch of their durations. One bucket is one model-hour or model-day in the
 * database; the same type adds up buckets for a stats answer.
 */
final class Bucket {

	private long count;

	private long successes;

	private long durationSum;

	private int min = Integer.MAX_VALUE;

	private int max = Integer.MIN_VALUE;

	private @Nullable Instant firstAt;

	private @Nullable Instant lastAt;

	private DDSketch sketch;

	private Bucket(DDSketch sketch) {
		this.sketch = sketch;
	}

	static Bucket empty() {
		return new Bucket(DurationSketch.empty());
	}

	/** A bucket as stored. */
	static Bucket stored(long count, long successes, long durationSum, int min, int max, Instant firstAt,
			Instant lastAt, byte[] sketch) {
		Bucket bucket = new Bucket(DurationSketch.decode(sketch));
		bucket.addTotals(count, successes, durationSum, min, max, firstAt, lastAt);
		return bucket;
	}

	/** The predictions grouped into their hour and day buckets, in key order. */
	static Map<BucketKey, Bucket> of(Collection<Prediction> predictions) {
		Map<BucketKey, Bucket> buckets = new TreeMap<>();
		for (Prediction prediction : predictions) {
			for (BucketKey key : BucketKey.of(prediction)) {
				buckets.computeIfAbsent(key, (k) -> empty()).add(prediction);
			}
		}
		return buckets;
	}

	void add(Prediction prediction) {
		addTotals(1, prediction.wasSuccessful() ? 1 : 0, prediction.durationMs(), prediction.durationMs(),
				prediction.durationMs(), prediction.timestamp(), prediction.timestamp());
		this.sketch.accept(prediction.durationMs());
	}

	void merge(Bucket other) {
		if (other.count == 0) {
			return;
		}
		addTotals(other.count, other.successes, other.durationSum, other.min, other.max, other.firstAt(),
				other.lastAt());
		this.sketch.mergeWith(other.sketch);
	}

	/**
	 * Adds a stored bucket's totals and its encoded sketch, without decoding it on its
	 * own.
	 */
	void merge(long count, long successes, long durationSum, int min, int max, Instant firstAt, Instant lastAt,
			byte[] sketch) {
		addTotals(count, successes, durationSum, min, max, firstAt, lastAt);
		DurationSketch.mergeInto(this.sketch, sketch);
	}

	/**
	 * Takes one prediction out. Counts, sum and sketch stay exact; whether the extremes
	 * still hold is only known from the remaining rows.
	 * @return whether the prediction was an extreme (duration or time), so that
	 * {@link #resetExtremes} must be given the remaining rows' values
	 */
	boolean remove(Prediction prediction) {
		this.count--;
		this.successes -= prediction.wasSuccessful() ? 1 : 0;
		this.durationSum -= prediction.durationMs();
		this.sketch = DurationSketch.without(this.sketch, prediction.durationMs());
		return prediction.durationMs() == this.min || prediction.durationMs() == this.max
				|| prediction.timestamp().equals(this.firstAt) || prediction.timestamp().equals(this.lastAt);
	}

	void resetExtremes(int min, int max, Instant firstAt, Instant lastAt) {
		this.min = min;
		this.max = max;
		this.firstAt = firstAt;
		this.lastAt = lastAt;
	}

	private void addTotals(long count, long successes, long durationSum, int min, int max, Instant firstAt,
			Instant lastAt) {
		this.count += count;
		this.successes += successes;
		this.durationSum += durationSum;
		this.min = Math.min(this.min, min);
		this.max = Math.max(this.max, max);
		this.firstAt = (this.firstAt == null || firstAt.isBefore(this.firstAt)) ? firstAt : this.firstAt;
		this.lastAt = (this.lastAt == null || lastAt.isAfter(this.lastAt)) ? lastAt : this.lastAt;
	}

	boolean isEmpty() {
		return this.count == 0;
	}

	long count() {
		return this.count;
	}

	long successes() {
		return this.successes;
	}

	long durationSum() {
		return this.durationSum;
	}

	int min() {
		return this.min;
	}

	int max() {
		return this.max;
	}

	Instant firstAt() {
		return require(this.firstAt);
	}

	Instant lastAt() {
		return require(this.lastAt);
	}

	byte[] encodedSketch() {
		return DurationSketch.encode(this.sketch);
	}

	/** The statistics of everything added, as {@link ModelStats} reports them. */
	ModelStats stats(String modelName) {
		if (this.count == 0) {
			return new ModelStats(modelName, 0, 0, 0, 0.0, 0.0, null, null, null, null, null);
		}
		double[] percentiles = this.sketch.getValuesAtQuantiles(new double[] { 0.50, 0.95, 0.99 });
		return new ModelStats(modelName, this.count, this.successes, this.count - this.successes,
				(double) this.durationSum / this.count, (double) this.successes / this.count, within(percentiles[0]),
				within(percentiles[1]), within(percentiles[2]), this.min, this.max);
	}

	/** A sketch value, kept inside the exact extremes and rounded to 0.01 ms. */
	private Double within(double value) {
		double bounded = Math.min(this.max, Math.max(this.min, value));
		return Math.round(bounded * 100) / 100.0;
	}

	private static Instant require(@Nullable Instant time) {
		if (time == null) {
			throw new IllegalStateException("An empty bucket has no times");
		}
		return time;
	}

}
