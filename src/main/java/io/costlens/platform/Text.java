package io.costlens.platform;

import org.jspecify.annotations.Nullable;

/**
 * Checks and cleans text a client sent: what {@link PlainText} refuses, and a safe form
 * of any client text that goes into a log line or an error message.
 */
public final class Text {

	private Text() {
	}

	/** Whether the text holds no control character and no bidirectional control. */
	public static boolean isPlain(CharSequence text) {
		for (int i = 0; i < text.length(); i++) {
			if (isControl(text.charAt(i))) {
				return false;
			}
		}
		return true;
	}

	/**
	 * The text with every control character and bidirectional control written as as a
	 * backslash-u escape, cut to {@code max} characters (with {@code ...}), for a log
	 * line or an error message that quotes client input.
	 */
	public static String sanitized(@Nullable CharSequence text, int max) {
		if (text == null) {
			return "";
		}
		StringBuilder out = new StringBuilder(Math.min(text.length(), max) + 8);
		int i = 0;
		for (; i < text.length() && out.length() < max; i++) {
			char c = text.charAt(i);
			out.append(isControl(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c));
		}
		return (i < text.length()) ? out + "..." : out.toString();
	}

	private static boolean isControl(char c) {
		return Character.isISOControl(c) || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')
				|| c == '\u200E' || c == '\u200F' || c == '\u061C';
	}

}
