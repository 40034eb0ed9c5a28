package io.costlens.predictions;

import java.util.Arrays;
import java.util.Random;

import com.datadoghq.sketch.ddsketch.DDSketch;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class DurationSketchTests {

	private final Random random = new Random(42);

	@Test
	void answersPercentilesWithinOnePercentOfTheExactValue() {
		int[] durations = durations(20_000);
		DDSketch sketch = DurationSketch.empty();
		Arrays.stream(durations).forEach(sketch::accept);
		int[] sorted = durations.clone();
		Arrays.sort(sorted);

		for (double q : new double[] { 0.01, 0.25, 0.5, 0.9, 0.95, 0.99, 0.999 }) {
			int exact = sorted[(int) Math.floor(q * (sorted.length - 1))];
			assertThat(sketch.getValueAtQuantile(q)).as("p%s", q * 100).isCloseTo(exact, within(exact * 0.01));
		}
	}

	@Test
	void survivesEncodingAndMergesLikeOneSketch() {
		int[] durations = durations(5_000);
		DDSketch whole = DurationSketch.empty();
		DDSketch merged = DurationSketch.empty();
		for (int part = 0; part < 5; part++) {
			DDSketch piece = DurationSketch.empty();
			for (int i = part * 1000; i < (part + 1) * 1000; i++) {
				whole.accept(durations[i]);
				piece.accept(durations[i]);
			}
			DurationSketch.mergeInto(merged, DurationSketch.encode(piece));
		}

		assertThat(DurationSketch.encode(merged)).isEqualTo(DurationSketch.encode(whole));
	}

	@Test
	void removesAValueAsIfItHadNeverBeenAdded() {
		int[] durations = durations(1_000);
		DDSketch all = DurationSketch.empty();
		DDSketch withoutSome = DurationSketch.empty();
		for (int i = 0; i < durations.length; i++) {
			all.accept(durations[i]);
			if (i % 10 != 0) {
				withoutSome.accept(durations[i]);
			}
		}

		DDSketch removed = all;
		for (int i = 0; i < durations.length; i += 10) {
			removed = DurationSketch.without(removed, durations[i]);
		}

		assertThat(removed.getCount()).isEqualTo(withoutSome.getCount());
		assertThat(DurationSketch.encode(removed)).isEqualTo(DurationSketch.encode(withoutSome));
	}

	@Test
	void removesZeroDurations() {
		DDSketch sketch = DurationSketch.empty();
		sketch.accept(0);
		sketch.accept(0);
		sketch.accept(5);

		DDSketch removed = DurationSketch.without(sketch, 0);

		assertThat(removed.getCount()).isEqualTo(2);
		assertThat(removed.getValueAtQuantile(0)).isZero();
		assertThat(DurationSketch.without(removed, 0).getValueAtQuantile(0)).isCloseTo(5, within(0.05));
	}

	/**
	 * Latencies as models have them: mostly tens to hundreds of ms, a long tail, some
	 * zeros.
	 */
	private int[] durations(int count) {
		int[] durations = new int[count];
		for (int i = 0; i < count; i++) {
			durations[i] = (i % 97 == 0) ? 0 : (int) Math.round(Math.exp(4.5 + this.random.nextGaussian()));
		}
		return durations;
	}

}
