package io.costlens.inspection;

/**
 * Character classes and the token boundary rules the PII matchers share.
 * <p>
 * A <em>word</em> is a run of letters, digits and {@code _} (of any script). A candidate
 * is <em>joined</em> to the text before it when a word character touches it, or when one
 * of the matcher's joiner characters does and a word character stands before that joiner:
 * {@code v1.2.3.4} and {@code ORD-4111111111111111} are parts of longer tokens, while
 * {@code ip=1.2.3.4} and {@code card: 4111 1111 1111 1111} are not. The same holds after
 * a candidate: {@code 10.2.3.4.5} is a version string, not an address.
 */
final class Chars {

	private static final boolean[] WORD = new boolean[128];

	static {
		for (char c = 0; c < 128; c++) {
			WORD[c] = isAsciiAlphanumeric(c) || c == '_';
		}
	}

	private Chars() {
	}

	static boolean isDigit(char c) {
		return c >= '0' && c <= '9';
	}

	static boolean isUpper(char c) {
		return c >= 'A' && c <= 'Z';
	}

	static boolean isHex(char c) {
		return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
	}

	static boolean isAsciiAlphanumeric(char c) {
		return isDigit(c) || isUpper(c) || (c >= 'a' && c <= 'z');
	}

	static boolean isWord(char c) {
		return (c < 128) ? WORD[c] : Character.isLetterOrDigit(c);
	}

	static boolean joinedBefore(String text, int start, String joiners) {
		if (start == 0) {
			return false;
		}
		char before = text.charAt(start - 1);
		return isWord(before) || (start >= 2 && joiners.indexOf(before) >= 0 && isWord(text.charAt(start - 2)));
	}

	static boolean joinedAfter(String text, int end, String joiners) {
		if (end >= text.length()) {
			return false;
		}
		char after = text.charAt(end);
		return isWord(after)
				|| (end + 1 < text.length() && joiners.indexOf(after) >= 0 && isWord(text.charAt(end + 1)));
	}

	/** Whether {@code count} ASCII digits start at {@code from}. */
	static boolean digitsAt(String text, int from, int count) {
		if (from < 0 || from + count > text.length()) {
			return false;
		}
		for (int i = from; i < from + count; i++) {
			if (!isDigit(text.charAt(i))) {
				return false;
			}
		}
		return true;
	}

	/**
	 * The number of consecutive ASCII digits from {@code from}, counting at most
	 * {@code max}.
	 */
	static int digitRun(String text, int from, int max) {
		int i = from;
		int end = Math.min(text.length(), from + max);
		while (i < end && isDigit(text.charAt(i))) {
			i++;
		}
		return i - from;
	}

	/** The value of {@code count} ASCII digits from {@code from}. */
	static int number(String text, int from, int count) {
		int value = 0;
		for (int i = from; i < from + count; i++) {
			value = value * 10 + (text.charAt(i) - '0');
		}
		return value;
	}

	static boolean charAt(String text, int index, char expected) {
		return index >= 0 && index < text.length() && text.charAt(index) == expected;
	}

}
