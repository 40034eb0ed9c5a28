package io.costlens.predictions;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Prediction ids for the writer, taken from the {@code prediction_ids} sequence a block
 * of {@link #BLOCK} at a time: one database call serves many writes and ids stay dense on
 * one instance. Ids a rolled-back write took are not reused (gaps, never duplicates).
 * Used by the single writer thread only, so it needs no locking.
 */
class IdBlocks {

	/** The sequence's increment: each value it gives starts a block of this many ids. */
	static final int BLOCK = 100;

	private final PredictionRepository predictions;

	private final Deque<long[]> ranges = new ArrayDeque<>();

	IdBlocks(PredictionRepository predictions) {
		this.predictions = predictions;
	}

	List<Long> take(int count) {
		long available = this.ranges.stream().mapToLong((r) -> r[1] - r[0]).sum();
		if (available < count) {
			int blocks = (int) ((count - available + BLOCK - 1) / BLOCK);
			this.predictions.nextBlocks(blocks)
				.forEach((start) -> this.ranges.add(new long[] { start, start + BLOCK }));
		}
		List<Long> ids = new ArrayList<>(count);
		while (ids.size() < count) {
			long[] range = this.ranges.getFirst();
			ids.add(range[0]++);
			if (range[0] == range[1]) {
				this.ranges.removeFirst();
			}
		}
		return ids;
	}

}
