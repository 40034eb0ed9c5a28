package io.costlens.inspection;

/**
 * Phone numbers in two families.
 * <ul>
 * <li>North American (NANP), ten digits grouped 3-3-4 with spaces, dashes or dots, the
 * area code optionally in parentheses and optionally after a {@code 1} or {@code +1}:
 * {@code (415) 555-0132}, {@code 415.555.0132}, {@code 1-800-555-0199},
 * {@code +1 415 555 0132}, {@code +14155550132}. Area code and exchange start with 2–9
 * and are not service codes (N11).</li>
 * <li>International, written with a {@code +} and a country code that exists:
 * {@code +44 20 7946 0958}, {@code +4915123456789}, {@code +44 (0)20 7946 0958}; 8 to 15
 * digits (E.164) in groups separated by single spaces, dashes or dots.</li>
 * </ul>
 * Bare digit runs without a {@code +} or separators ({@code 4155550132}) and seven-digit
 * local numbers are not reported: in logs they are ids far more often than phones.
 */
final class PhoneNumbers {

	private static final String JOINERS = ".-/@";

	private static final int MIN_DIGITS = 8;

	private static final int MAX_DIGITS = 15;

	/**
	 * Country codes by their first two digits: 1 = that code, 3 = the start of
	 * three-digit codes.
	 */
	private static final byte[] COUNTRY_CODES = new byte[100];

	static {
		for (String code : ("20 27 30 31 32 33 34 36 39 40 41 43 44 45 46 47 48 49 51 52 53 54 55 56 57 58 "
				+ "60 61 62 63 64 65 66 81 82 84 86 90 91 92 93 94 95 98")
			.split(" ")) {
			COUNTRY_CODES[Integer.parseInt(code)] = 1;
		}
		for (String prefix : "21 22 23 24 25 26 29 35 37 38 42 50 59 67 68 69 80 85 87 88 96 97 99".split(" ")) {
			COUNTRY_CODES[Integer.parseInt(prefix)] = 3;
		}
	}

	private PhoneNumbers() {
	}

	/**
	 * A North American number starting at a digit, possibly after a leading {@code 1}.
	 */
	static int northAmericanAt(String text, int start) {
		if (Chars.joinedBefore(text, start, JOINERS)) {
			return -1;
		}
		if (text.charAt(start) == '1' && start + 1 < text.length() && isSeparator(text.charAt(start + 1))) {
			return northAmerican(text, start + 2, false);
		}
		return northAmerican(text, start, false);
	}

	/** A North American number whose area code is in parentheses. */
	static int parenthesizedAt(String text, int parenthesis) {
		return Chars.joinedBefore(text, parenthesis, "") ? -1 : northAmerican(text, parenthesis, false);
	}

	/** A number written with a {@code +} and a country code. */
	static int internationalAt(String text, int plus) {
		int start = plus + 1;
		if (Chars.joinedBefore(text, plus, "") || start >= text.length() || !Chars.isDigit(text.charAt(start))) {
			return -1;
		}
		if (text.charAt(start) == '1') {
			int body = start + 1;
			if (body < text.length() && isSeparator(text.charAt(body))) {
				body++;
			}
			return northAmerican(text, body, true);
		}
		return countryCode(text, start) ? international(text, start) : -1;
	}

	private static int northAmerican(String text, int at, boolean compact) {
		if (compact && Chars.digitRun(text, at, 11) == 10) {
			return northAmericanEnd(text, at, at + 3, at + 10);
		}
		int area = at + 1;
		int exchange = at + 5;
		if (Chars.charAt(text, at, '(')) {
			if (!Chars.digitsAt(text, area, 3) || !Chars.charAt(text, at + 4, ')')) {
				return -1;
			}
			if (exchange < text.length() && (text.charAt(exchange) == ' ' || text.charAt(exchange) == '-')) {
				exchange++;
			}
		}
		else {
			area = at;
			exchange = at + 4;
			if (!Chars.digitsAt(text, area, 3) || !separatorAt(text, at + 3)) {
				return -1;
			}
		}
		if (!Chars.digitsAt(text, exchange, 3) || !separatorAt(text, exchange + 3)
				|| !Chars.digitsAt(text, exchange + 4, 4)) {
			return -1;
		}
		return northAmericanEnd(text, area, exchange, exchange + 8);
	}

	private static int northAmericanEnd(String text, int area, int exchange, int end) {
		if (!nxx(text, area) || !nxx(text, exchange) || Chars.joinedAfter(text, end, JOINERS)) {
			return -1;
		}
		return end;
	}

	/** Area codes and exchanges: the first digit is 2–9 and N11 is a service code. */
	private static boolean nxx(String text, int at) {
		return text.charAt(at) >= '2' && !(text.charAt(at + 1) == '1' && text.charAt(at + 2) == '1');
	}

	private static boolean countryCode(String text, int start) {
		int run = Chars.digitRun(text, start, 3);
		if (text.charAt(start) == '7') {
			return true;
		}
		if (run < 2) {
			return false;
		}
		int kind = COUNTRY_CODES[Chars.number(text, start, 2)];
		return kind == 1 || (kind == 3 && run == 3);
	}

	/**
	 * Reads groups while they stay within 15 digits and returns the longest end with at
	 * least 8 digits that is not joined to what follows.
	 */
	private static int international(String text, int start) {
		int at = start;
		int digits = 0;
		int best = -1;
		boolean areaCode = false;
		while (true) {
			int run = Chars.digitRun(text, at, MAX_DIGITS + 1);
			if (run == 0) {
				return best;
			}
			digits += run;
			at += run;
			if (digits > MAX_DIGITS) {
				return best;
			}
			if (digits >= MIN_DIGITS && !Chars.joinedAfter(text, at, JOINERS)) {
				best = at;
			}
			if (separatorAt(text, at) && Chars.digitsAt(text, at + 1, 1)) {
				at++;
				continue;
			}
			int inside = (areaCode || at != start + run) ? -1 : areaCodeAt(text, at);
			if (inside < 0) {
				return best;
			}
			digits += insideDigits(text, inside);
			at = afterAreaCode(text, inside);
			areaCode = true;
		}
	}

	/**
	 * A parenthesized area code or trunk prefix right after the country code, as in
	 * {@code +44 (0)20} or {@code +49 (30) 1234567}: the index of its first digit, or -1.
	 */
	private static int areaCodeAt(String text, int at) {
		int open = Chars.charAt(text, at, ' ') ? at + 1 : at;
		if (!Chars.charAt(text, open, '(')) {
			return -1;
		}
		int run = Chars.digitRun(text, open + 1, 5);
		return (run >= 1 && run <= 4 && Chars.charAt(text, open + 1 + run, ')')) ? open + 1 : -1;
	}

	/** The trunk prefix {@code (0)} is not dialled from abroad and does not count. */
	private static int insideDigits(String text, int inside) {
		int run = Chars.digitRun(text, inside, 4);
		return (run == 1 && text.charAt(inside) == '0') ? 0 : run;
	}

	private static int afterAreaCode(String text, int inside) {
		int after = inside + Chars.digitRun(text, inside, 4) + 1;
		return (Chars.charAt(text, after, ' ') || Chars.charAt(text, after, '-')) ? after + 1 : after;
	}

	private static boolean separatorAt(String text, int at) {
		return at < text.length() && isSeparator(text.charAt(at));
	}

	private static boolean isSeparator(char c) {
		return c == ' ' || c == '-' || c == '.';
	}

}
