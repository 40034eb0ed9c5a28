package io.costlens.predictions;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.costlens.predictions.BucketKey.Span;

import static org.assertj.core.api.Assertions.assertThat;

class BucketTests {

	private static final Instant MIDNIGHT = Instant.parse("2025-06-09T00:00:00Z");

	private static final Instant NOON = Instant.parse("2025-06-09T12:00:00Z");

	@Test
	void groupsPredictionsByModelHourAndDay() {
		List<Prediction> predictions = List.of(prediction(1, "a", 10, true, NOON),
				prediction(2, "a", 20, false, NOON.plusSeconds(3599)),
				prediction(3, "a", 30, true, NOON.plusSeconds(3600)), prediction(4, "b", 40, true, NOON));

		var buckets = Bucket.of(predictions);

		assertThat(buckets.keySet()).containsExactly(hour("a", NOON), hour("a", NOON.plusSeconds(3600)),
				day("a", MIDNIGHT), hour("b", NOON), day("b", MIDNIGHT));
		Bucket first = buckets.get(hour("a", NOON));
		assertThat(first.count()).isEqualTo(2);
		assertThat(first.successes()).isEqualTo(1);
		assertThat(first.durationSum()).isEqualTo(30);
		assertThat(first.min()).isEqualTo(10);
		assertThat(first.max()).isEqualTo(20);
		assertThat(first.firstAt()).isEqualTo(NOON);
		assertThat(first.lastAt()).isEqualTo(NOON.plusSeconds(3599));
		Bucket day = buckets.get(day("a", MIDNIGHT));
		assertThat(day.count()).isEqualTo(3);
		assertThat(day.max()).isEqualTo(30);
		assertThat(day.lastAt()).isEqualTo(NOON.plusSeconds(3600));
	}

	@Test
	void saysWhenARemovedPredictionWasAnExtreme() {
		Prediction shortest = prediction(1, "a", 10, true, NOON.plusSeconds(10));
		Prediction middle = prediction(2, "a", 20, true, NOON.plusSeconds(20));
		Prediction longest = prediction(3, "a", 30, true, NOON.plusSeconds(30));
		Bucket bucket = Bucket.of(List.of(shortest, middle, longest)).get(hour("a", NOON));

		assertThat(bucket.remove(middle)).isFalse();
		assertThat(bucket.remove(longest)).isTrue();
		assertThat(bucket.count()).isEqualTo(1);
		assertThat(bucket.durationSum()).isEqualTo(10);
	}

	@Test
	void reportsZerosAndNoDurationsWhenEmpty() {
		ModelStats stats = Bucket.empty().stats("m");

		assertThat(stats.totalRequests()).isZero();
		assertThat(stats.averageDurationMs()).isZero();
		assertThat(stats.p99DurationMs()).isNull();
		assertThat(stats.maxDurationMs()).isNull();
	}

	@Test
	void keepsPercentilesInsideTheExactExtremes() {
		Bucket bucket = Bucket.of(List.of(prediction(1, "a", 1000, true, NOON))).get(day("a", MIDNIGHT));

		ModelStats stats = bucket.stats("a");

		assertThat(stats.p50DurationMs()).isEqualTo(1000.0);
		assertThat(stats.p99DurationMs()).isEqualTo(1000.0);
	}

	private static BucketKey hour(String model, Instant start) {
		return new BucketKey(model, Span.HOUR, start);
	}

	private static BucketKey day(String model, Instant start) {
		return new BucketKey(model, Span.DAY, start);
	}

	private static Prediction prediction(long id, String model, int duration, boolean success, Instant at) {
		return new Prediction(id, model, duration, success, at);
	}

}
