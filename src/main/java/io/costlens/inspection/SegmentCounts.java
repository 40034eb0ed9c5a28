package io.costlens.inspection;

import com.knuddels.jtokkit.api.Encoding;

/**
 * Counts a text's tokens segment by segment, remembering the counts of short segments.
 * <p>
 * A segment ends before every space that is followed by an ASCII letter. In both the
 * cl100k_base and the o200k_base pre-tokenizer such a space always starts a new piece
 * (the letter patterns take one leading non-letter; no other pattern can reach across a
 * space followed by a letter, and the {@code \s+(?!\S)} look-ahead decides the same at a
 * cut), and BPE never merges across pieces. So the sum of the segments' counts is the
 * text's count, exactly, and the segments that logs repeat ({@code " INFO"},
 * {@code " user"}) cost a table look-up instead of a BPE encoding.
 * <p>
 * The memory is a direct-mapped table: bounded, lock-free, and an entry that collides
 * simply replaces the one before. Entries are immutable, so threads that race on a slot
 * see a whole entry or none.
 */
final class SegmentCounts {

	private static final int SLOTS = 1 << 15;

	private static final int MAX_CACHED_LENGTH = 48;

	private final Encoding encoding;

	private final Entry[] table = new Entry[SLOTS];

	SegmentCounts(Encoding encoding) {
		this.encoding = encoding;
	}

	int count(String text) {
		int total = 0;
		int start = 0;
		int last = text.length() - 1;
		for (int i = 1; i < last; i++) {
			if (text.charAt(i) == ' ' && isAsciiLetter(text.charAt(i + 1))) {
				total += segment(text, start, i);
				start = i;
			}
		}
		return total + segment(text, start, text.length());
	}

	private int segment(String text, int start, int end) {
		int length = end - start;
		if (length > MAX_CACHED_LENGTH) {
			return this.encoding.countTokensOrdinary(text.substring(start, end));
		}
		int hash = hash(text, start, end);
		int slot = hash & (SLOTS - 1);
		Entry entry = this.table[slot];
		if (entry != null && entry.hash == hash && entry.segment.length() == length
				&& entry.segment.regionMatches(0, text, start, length)) {
			return entry.count;
		}
		String segment = text.substring(start, end);
		int count = this.encoding.countTokensOrdinary(segment);
		this.table[slot] = new Entry(segment, hash, count);
		return count;
	}

	private static int hash(String text, int start, int end) {
		int hash = 0;
		for (int i = start; i < end; i++) {
			hash = 31 * hash + text.charAt(i);
		}
		return hash ^ (hash >>> 15);
	}

	private static boolean isAsciiLetter(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
	}

	private record Entry(String segment, int hash, int count) {
	}

}
