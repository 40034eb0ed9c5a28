package io.costlens.inspection;

/**
 * How many SQS requests a payload is billed as: one per started 64 KiB chunk, and at
 * least one.
 */
final class SqsBlocks {

	/** The size of one billed SQS chunk. */
	static final int BLOCK_BYTES = 64 * 1024;

	private SqsBlocks() {
	}

	/** {@code max(1, ceil(utf8Bytes / 65536))}. */
	static int of(long utf8Bytes) {
		if (utf8Bytes < 0) {
			throw new IllegalArgumentException("A payload has no negative size: " + utf8Bytes);
		}
		return (int) Math.max(1, (utf8Bytes + BLOCK_BYTES - 1) / BLOCK_BYTES);
	}

}
