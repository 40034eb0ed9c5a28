package io.costlens.devlens;

import java.io.IOException;
import java.io.UncheckedIOException;

import com.datadoghq.sketch.ddsketch.DDSketch;
import com.datadoghq.sketch.ddsketch.DDSketches;
import com.datadoghq.sketch.ddsketch.encoding.ByteArrayInput;
import com.datadoghq.sketch.ddsketch.encoding.GrowingByteArrayOutput;

/** Session latencies as a mergeable DDSketch (1 % relative accuracy), stored as bytes. */
final class LatencySketch {

	private LatencySketch() {
	}

	static DDSketch empty() {
		return DDSketches.unboundedDense(0.01);
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

	static void mergeInto(DDSketch sketch, byte[] bytes) {
		try {
			sketch.decodeAndMergeWith(ByteArrayInput.wrap(bytes));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The median, or 0 for an empty sketch. */
	static double median(DDSketch sketch) {
		return sketch.isEmpty() ? 0.0 : sketch.getValueAtQuantile(0.5);
	}

}
