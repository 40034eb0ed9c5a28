package io.costlens.inspection;

/**
 * US Social Security numbers written {@code AAA-GG-SSSS}, with the numbers the SSA never
 * issues left out: area 000, 666 or 900–999, group 00, serial 0000.
 */
final class SocialSecurityNumbers {

	private static final String JOINERS = ".-/@";

	private SocialSecurityNumbers() {
	}

	/** The end of the SSN starting at {@code start}, or -1. */
	static int at(String text, int start) {
		int end = start + 11;
		if (!Chars.digitsAt(text, start, 3) || !Chars.charAt(text, start + 3, '-')
				|| !Chars.digitsAt(text, start + 4, 2) || !Chars.charAt(text, start + 6, '-')
				|| !Chars.digitsAt(text, start + 7, 4)) {
			return -1;
		}
		if (!issued(text, start) || Chars.joinedBefore(text, start, JOINERS) || Chars.joinedAfter(text, end, JOINERS)) {
			return -1;
		}
		return end;
	}

	private static boolean issued(String text, int start) {
		int area = Chars.number(text, start, 3);
		return area != 0 && area != 666 && area < 900 && Chars.number(text, start + 4, 2) != 0
				&& Chars.number(text, start + 7, 4) != 0;
	}

}
