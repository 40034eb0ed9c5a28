package io.costlens.inspection;

import java.util.Locale;
import java.util.Set;

/**
 * Email addresses, found from their {@code @} (or its URL encoding {@code %40}): a local
 * part of letters, digits and {@code . _ % + -} (at most 64, no leading, trailing or
 * doubled dot) and a domain of at least two labels (at most 253 characters, labels of at
 * most 63 that neither start nor end with a dash) whose last label, the top-level domain,
 * has two or more letters. {@code root@localhost}, {@code lodash@4.17.21} and
 * {@code icon@2x.png} (a file extension is no top-level domain) are not addresses.
 */
final class EmailAddresses {

	private static final int MAX_LOCAL = 64;

	private static final int MAX_DOMAIN = 253;

	private static final int MAX_LABEL = 63;

	private static final Set<String> FILE_EXTENSIONS = Set.of("png", "jpg", "jpeg", "gif", "svg", "webp", "ico", "bmp",
			"css", "js", "mjs", "json", "map", "txt", "log", "xml", "html", "htm", "yml", "yaml", "pdf", "gz", "tgz",
			"jar", "war", "class", "java", "lock");

	private EmailAddresses() {
	}

	/**
	 * The address around the {@code @} at {@code at}, as {@code start << 32 | end}, or
	 * -1.
	 */
	static long around(String text, int at, int atLength) {
		int start = localStart(text, at);
		if (start < 0) {
			return -1;
		}
		int end = domainEnd(text, at + atLength);
		return (end < 0) ? -1 : ((long) start << 32) | end;
	}

	private static int localStart(String text, int at) {
		int start = at;
		while (start > 0 && at - start <= MAX_LOCAL && isLocal(text.charAt(start - 1))) {
			start--;
		}
		if (at - start > MAX_LOCAL) {
			return -1;
		}
		while (start < at && text.charAt(start) == '.') {
			start++;
		}
		if (start == at || text.charAt(at - 1) == '.' || text.substring(start, at).contains("..")) {
			return -1;
		}
		return start;
	}

	private static boolean isLocal(char c) {
		return Chars.isAsciiAlphanumeric(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
	}

	private static int domainEnd(String text, int from) {
		int at = from;
		for (int labels = 1;; labels++) {
			int label = at;
			at = labelEnd(text, label);
			if (at < 0 || at - from > MAX_DOMAIN) {
				return -1;
			}
			if (!dotThenLabel(text, at)) {
				boolean wordFollows = at < text.length() && Chars.isWord(text.charAt(at));
				return (labels < 2 || wordFollows || !topLevel(text, label, at)) ? -1 : at;
			}
			at++;
		}
	}

	private static boolean dotThenLabel(String text, int at) {
		return Chars.charAt(text, at, '.') && at + 1 < text.length() && Chars.isAsciiAlphanumeric(text.charAt(at + 1));
	}

	private static int labelEnd(String text, int start) {
		int at = start;
		int limit = Math.min(text.length(), start + MAX_LABEL + 1);
		while (at < limit && (Chars.isAsciiAlphanumeric(text.charAt(at)) || text.charAt(at) == '-')) {
			at++;
		}
		if (at == start || at - start > MAX_LABEL || text.charAt(start) == '-' || text.charAt(at - 1) == '-') {
			return -1;
		}
		return at;
	}

	private static boolean topLevel(String text, int start, int end) {
		if (end - start < 2) {
			return false;
		}
		for (int i = start; i < end; i++) {
			char c = text.charAt(i);
			if (Chars.isDigit(c) || c == '-') {
				return false;
			}
		}
		return !FILE_EXTENSIONS.contains(text.substring(start, end).toLowerCase(Locale.ROOT));
	}

}
