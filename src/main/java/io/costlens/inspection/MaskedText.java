package io.costlens.inspection;

/**
 * Text with every finding replaced by its type's mask ({@code [EMAIL]}, …).
 */
final class MaskedText {

	private MaskedText() {
	}

	static String of(String text, PiiScan scan) {
		if (!scan.hasPii()) {
			return text;
		}
		StringBuilder masked = new StringBuilder(text.length());
		int at = 0;
		for (PiiFinding finding : scan.findings()) {
			masked.append(text, at, finding.start()).append(finding.type().mask());
			at = finding.end();
		}
		return masked.append(text, at, text.length()).toString();
	}

	/**
	 * The start of the masked text, at most {@code maxChars} long. It never shows part of
	 * a finding (a finding cut by the limit is masked as a whole, as the whole text was
	 * scanned), never part of a mask (one that does not fit is left out) and never half a
	 * surrogate pair.
	 */
	static String prefix(String text, PiiScan scan, int maxChars) {
		if (!scan.hasPii()) {
			return text.substring(0, cut(text, 0, text.length(), maxChars));
		}
		StringBuilder masked = new StringBuilder(Math.min(text.length(), maxChars));
		int at = 0;
		for (PiiFinding finding : scan.findings()) {
			int end = cut(text, at, finding.start(), maxChars - masked.length());
			masked.append(text, at, end);
			String mask = finding.type().mask();
			if (end < finding.start() || masked.length() + mask.length() > maxChars) {
				return masked.toString();
			}
			masked.append(mask);
			at = finding.end();
		}
		return masked.append(text, at, cut(text, at, text.length(), maxChars - masked.length())).toString();
	}

	/**
	 * Where to stop copying {@code text[from, to)} with room for {@code room} characters.
	 */
	private static int cut(String text, int from, int to, int room) {
		if (to - from <= room) {
			return to;
		}
		int end = from + room;
		return (end > from && Character.isHighSurrogate(text.charAt(end - 1))) ? end - 1 : end;
	}

}
