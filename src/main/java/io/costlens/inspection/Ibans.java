package io.costlens.inspection;

/**
 * International bank account numbers: a country code from the IBAN registry, two check
 * digits and the national account number, exactly as long as that country's IBANs are,
 * compact ({@code DE89370400440532013000}) or printed in groups of four
 * ({@code DE89 3704 0044 0532 0130 00}), and valid under ISO 7064 mod 97-10.
 */
final class Ibans {

	private static final String JOINERS = ".-/@";

	/** Country code and IBAN length of the countries in the SWIFT IBAN registry. */
	private static final String REGISTRY = "AD24 AE23 AL28 AT20 AZ28 BA20 BE16 BG22 BH22 BR29 BY28 CH21 CR22 CY28 "
			+ "CZ24 DE22 DK18 DO28 EE20 EG29 ES24 FI18 FO18 FR27 GB22 GE22 GI23 GL18 GR27 GT28 HR21 HU28 IE22 "
			+ "IL23 IQ23 IS26 IT27 JO30 KW30 KZ20 LB28 LC32 LI21 LT20 LU20 LV21 LY25 MC27 MD24 ME22 MK19 MR27 "
			+ "MT31 MU30 NL18 NO15 PK24 PL28 PS29 PT25 QA29 RO24 RS22 SA24 SC31 SD18 SE24 SI19 SK24 SM27 ST25 "
			+ "SV28 TL23 TN24 TR26 UA29 VA22 VG24 XK20";

	private static final byte[] LENGTHS = new byte[26 * 26];

	static {
		for (String entry : REGISTRY.split(" ")) {
			LENGTHS[country(entry, 0)] = Byte.parseByte(entry.substring(2));
		}
	}

	private Ibans() {
	}

	/** The end of the IBAN starting at {@code start} (an upper-case letter), or -1. */
	static int at(String text, int start) {
		if (start + 4 > text.length() || !Chars.isUpper(text.charAt(start + 1))
				|| !Chars.digitsAt(text, start + 2, 2)) {
			return -1;
		}
		int length = LENGTHS[country(text, start)];
		if (length == 0 || Chars.joinedBefore(text, start, JOINERS)) {
			return -1;
		}
		int end = accountEnd(text, start, length);
		return (end < 0 || Chars.joinedAfter(text, end, JOINERS)) ? -1 : end;
	}

	/**
	 * Reads the national account number and checks the whole: the account number, then
	 * the country letters as numbers (A = 10 … Z = 35), then the check digits, mod 97 is
	 * 1.
	 */
	private static int accountEnd(String text, int start, int length) {
		boolean grouped = Chars.charAt(text, start + 4, ' ');
		int at = start + 4;
		int remainder = 0;
		for (int read = 4; read < length; read++) {
			if (grouped && read % 4 == 0) {
				if (!Chars.charAt(text, at, ' ')) {
					return -1;
				}
				at++;
			}
			int value = (at < text.length()) ? value(text.charAt(at)) : -1;
			if (value < 0) {
				return -1;
			}
			remainder = (remainder * ((value < 10) ? 10 : 100) + value) % 97;
			at++;
		}
		for (int i = start; i < start + 2; i++) {
			remainder = (remainder * 100 + value(text.charAt(i))) % 97;
		}
		remainder = (remainder * 100 + Chars.number(text, start + 2, 2)) % 97;
		return (remainder == 1) ? at : -1;
	}

	private static int value(char c) {
		if (Chars.isDigit(c)) {
			return c - '0';
		}
		return Chars.isUpper(c) ? c - 'A' + 10 : -1;
	}

	private static int country(String text, int start) {
		return (text.charAt(start) - 'A') * 26 + (text.charAt(start + 1) - 'A');
	}

}
