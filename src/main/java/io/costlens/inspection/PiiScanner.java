package io.costlens.inspection;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One pass over a text that hands each place where personal data may start to the matcher
 * for that shape, and keeps what they confirm.
 * <p>
 * Candidates start at a word start (digits: IP addresses, SSNs, phones, cards; upper-case
 * letters: IBANs; hex digits: IPv6) or at a trigger character ({@code @} and {@code %40}:
 * emails; {@code +} and {@code (}: phones; {@code ::}: IPv6). A word that yields nothing
 * is skipped whole, and every matcher reads a bounded number of characters, so a scan
 * takes time linear in the text whatever it contains.
 */
final class PiiScanner {

	private static final byte OTHER = 0;

	/** Starts a word that starts no candidate: {@code g}–{@code z}, {@code _}. */
	private static final byte WORD = 1;

	private static final byte DIGIT = 2;

	private static final byte UPPER = 3;

	private static final byte HEX_LETTER = 4;

	private static final byte TRIGGER = 5;

	private static final byte[] KINDS = new byte[128];

	static {
		for (char c = 0; c < 128; c++) {
			KINDS[c] = kind(c);
		}
	}

	private final String text;

	/** The same characters: array reads are cheaper than charAt in the main loop. */
	private final char[] chars;

	/** The next colon at or after the current position: IPv6 needs one within five. */
	private int nextColon = -1;

	private @Nullable List<PiiFinding> findings;

	PiiScanner(String text) {
		this.text = text;
		this.chars = text.toCharArray();
	}

	PiiScan scan() {
		char[] chars = this.chars;
		int at = 0;
		while (at < chars.length) {
			char c = chars[at];
			int kind = (c < 128) ? KINDS[c] : (Character.isLetterOrDigit(c) ? WORD : OTHER);
			at = switch (kind) {
				case OTHER -> at + 1;
				case WORD -> wordEnd(at);
				case TRIGGER -> trigger(c, at);
				default -> word(kind, at);
			};
		}
		return (this.findings != null) ? new PiiScan(this.findings) : PiiScan.NONE;
	}

	private static byte kind(char c) {
		if (Chars.isDigit(c)) {
			return DIGIT;
		}
		if (Chars.isUpper(c)) {
			return UPPER;
		}
		if (c >= 'a' && c <= 'f') {
			return HEX_LETTER;
		}
		if (Chars.isWord(c)) {
			return WORD;
		}
		return (c == '@' || c == '%' || c == '+' || c == '(' || c == ':') ? TRIGGER : OTHER;
	}

	/**
	 * Looks at a character that may start a candidate outside words; returns where to go
	 * on.
	 */
	private int trigger(char c, int at) {
		return switch (c) {
			case '@' -> email(at, 1);
			case '%' -> encodedAt(at) ? email(at, 3) : at + 1;
			case '+' -> found(PiiType.PHONE, at, PhoneNumbers.internationalAt(this.text, at));
			case '(' -> found(PiiType.PHONE, at, PhoneNumbers.parenthesizedAt(this.text, at));
			default -> (at + 1 < this.chars.length && this.chars[at + 1] == ':')
					? found(PiiType.IP_ADDRESS, at, IpAddresses.v6At(this.text, at)) : at + 1;
		};
	}

	private int word(int kind, int start) {
		int end = switch (kind) {
			case DIGIT -> number(start);
			case UPPER -> upper(start);
			default -> colonNear(start) ? record(PiiType.IP_ADDRESS, start, IpAddresses.v6At(this.text, start)) : -1;
		};
		return (end >= 0) ? end : wordEnd(start);
	}

	private int upper(int start) {
		int end = record(PiiType.IBAN, start, Ibans.at(this.text, start));
		if (end < 0 && colonNear(start)) {
			end = record(PiiType.IP_ADDRESS, start, IpAddresses.v6At(this.text, start));
		}
		return end;
	}

	/**
	 * The shapes that start with a digit, most specific first. Each is only tried when
	 * the first run of digits and the character after it allow it: most numbers in logs
	 * (timestamps, sizes, durations) fit none and cost one look.
	 */
	private int number(int start) {
		String t = this.text;
		int run = digitRun(start);
		char next = (start + run < t.length()) ? t.charAt(start + run) : 0;
		if (run <= 4 && (next == ':' || Chars.isHex(next))) {
			return record(PiiType.IP_ADDRESS, start, IpAddresses.v6At(t, start));
		}
		int end = -1;
		if (run <= 3 && next == '.') {
			end = record(PiiType.IP_ADDRESS, start, IpAddresses.v4At(t, start));
		}
		if (end < 0 && run == 3 && next == '-') {
			end = record(PiiType.SSN, start, SocialSecurityNumbers.at(t, start));
		}
		if (end < 0 && (run == 3 || (run == 1 && t.charAt(start) == '1'))
				&& (next == ' ' || next == '-' || next == '.')) {
			end = record(PiiType.PHONE, start, PhoneNumbers.northAmericanAt(t, start));
		}
		if (end < 0 && ((run == 4 && (next == ' ' || next == '-')) || (run >= 13 && run <= 19))) {
			end = record(PiiType.CREDIT_CARD, start, CardNumbers.at(t, start));
		}
		return end;
	}

	/** The digits from {@code start}, counting at most 20 (more than any shape has). */
	private int digitRun(int start) {
		char[] chars = this.chars;
		int end = Math.min(chars.length, start + 20);
		int at = start;
		while (at < end && chars[at] >= '0' && chars[at] <= '9') {
			at++;
		}
		return at - start;
	}

	/** Whether a colon follows within five characters, as in every IPv6 address. */
	private boolean colonNear(int start) {
		if (this.nextColon < start) {
			this.nextColon = this.text.indexOf(':', start);
			if (this.nextColon < 0) {
				this.nextColon = Integer.MAX_VALUE;
			}
		}
		return this.nextColon - start < 5;
	}

	private boolean encodedAt(int at) {
		return Chars.charAt(this.text, at + 1, '4') && Chars.charAt(this.text, at + 2, '0');
	}

	private int email(int at, int atLength) {
		long span = EmailAddresses.around(this.text, at, atLength);
		if (span < 0) {
			return at + 1;
		}
		int start = (int) (span >>> 32);
		dropFindingsAfter(start);
		return record(PiiType.EMAIL, start, (int) span);
	}

	/**
	 * A number or phone may have been found in what turned out to be an email's local
	 * part.
	 */
	private void dropFindingsAfter(int start) {
		while (this.findings != null && !this.findings.isEmpty()
				&& this.findings.get(this.findings.size() - 1).end() > start) {
			this.findings.remove(this.findings.size() - 1);
		}
	}

	private int found(PiiType type, int at, int end) {
		return (end >= 0) ? record(type, at, end) : at + 1;
	}

	private int record(PiiType type, int start, int end) {
		if (end >= 0) {
			if (this.findings == null) {
				this.findings = new ArrayList<>(4);
			}
			this.findings.add(new PiiFinding(type, start, end));
		}
		return end;
	}

	private int wordEnd(int start) {
		char[] chars = this.chars;
		int at = start + 1;
		while (at < chars.length && Chars.isWord(chars[at])) {
			at++;
		}
		return at;
	}

}
