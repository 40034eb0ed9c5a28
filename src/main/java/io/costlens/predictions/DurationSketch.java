package io.costlens.predictions;

import java.io.IOException;
import java.io.UncheckedIOException;

import com.datadoghq.sketch.ddsketch.DDSketch;
import com.datadoghq.sketch.ddsketch.DDSketches;
import com.datadoghq.sketch.ddsketch.encoding.ByteArrayInput;
import com.datadoghq.sketch.ddsketch.encoding.GrowingByteArrayOutput;
import com.datadoghq.sketch.ddsketch.store.Store;
import com.datadoghq.sketch.ddsketch.store.UnboundedSizeDenseStore;

/**
 * The quantile sketch of a bucket's durations: a DDSketch with 1 % relative accuracy (a
 * percentile it answers is within 1 % of the exact one), stored as DDSketch's own compact
 * encoding (a few hundred bytes) and merged by adding bin counts.
 */
final class DurationSketch {

	/**
	 * The relative accuracy every stored sketch has; sketches merge only at equal
	 * accuracy.
	 */
	static final double RELATIVE_ACCURACY = 0.01;

	private DurationSketch() {
	}

	static DDSketch empty() {
		return DDSketches.unboundedDense(RELATIVE_ACCURACY);
	}

	static byte[] encode(DDSketch sketch) {
		GrowingByteArrayOutput output = GrowingByteArrayOutput.withDefaultInitialCapacity();
		try {
			sketch.encode(output, false);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return output.trimmedCopy();
	}

	static DDSketch decode(byte[] bytes) {
		DDSketch sketch = empty();
		mergeInto(sketch, bytes);
		return sketch;
	}

	static void mergeInto(DDSketch sketch, byte[] bytes) {
		try {
			sketch.decodeAndMergeWith(ByteArrayInput.wrap(bytes));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The sketch without one value that was added to it. A DDSketch only counts values
	 * per bin, so taking one off the bin the value fell into leaves exactly the sketch
	 * that never saw it: deletes keep the percentiles as accurate as inserts do.
	 */
	static DDSketch without(DDSketch sketch, int value) {
		int removed = (value > sketch.getIndexMapping().minIndexableValue()) ? sketch.getIndexMapping().index(value)
				: Integer.MIN_VALUE;
		Store positives = new UnboundedSizeDenseStore();
		sketch.getPositiveValueStore().forEach((index, count) -> {
			double left = (index == removed) ? count - 1 : count;
			if (left > 0) {
				positives.add(index, left);
			}
		});
		double zeros = zeroCount(sketch) - ((removed == Integer.MIN_VALUE) ? 1 : 0);
		return DDSketch.of(sketch.getIndexMapping(), new UnboundedSizeDenseStore(), positives, Math.max(0, zeros));
	}

	private static double zeroCount(DDSketch sketch) {
		return sketch.getCount() - sketch.getPositiveValueStore().getTotalCount()
				- sketch.getNegativeValueStore().getTotalCount();
	}

}
