package io.costlens.inspection;

/**
 * IP addresses.
 * <ul>
 * <li>IPv4: four decimal octets of at most three digits, each at most 255. A fifth part
 * ({@code 10.2.3.4.5}), a product token ({@code Chrome/120.0.0.0}) or a word glued to it
 * ({@code v1.2.3.4}) make it a version string instead.</li>
 * <li>IPv6: eight groups of one to four hex digits, or fewer with one {@code ::}, the
 * last two groups possibly an IPv4 address ({@code ::ffff:192.0.2.1}); a zone id
 * ({@code %eth0}) is left out of the finding. A bare {@code ::} is not reported, nor are
 * clock times and MAC addresses, which lack the groups, nor anything that starts right
 * after a colon ({@code a::b::c}).</li>
 * </ul>
 */
final class IpAddresses {

	private static final String V4_JOINERS = "./";

	private static final String V6_JOINERS = ".";

	private IpAddresses() {
	}

	/** The end of the IPv4 address starting at {@code start}, or -1. */
	static int v4At(String text, int start) {
		if (Chars.joinedBefore(text, start, V4_JOINERS)) {
			return -1;
		}
		int end = dotted(text, start);
		return (end < 0 || Chars.joinedAfter(text, end, ".")) ? -1 : end;
	}

	/** Four octets from {@code start}, without boundary checks: their end, or -1. */
	private static int dotted(String text, int start) {
		int at = start;
		for (int octet = 0; octet < 4; octet++) {
			if (octet > 0) {
				if (!Chars.charAt(text, at, '.')) {
					return -1;
				}
				at++;
			}
			int run = Chars.digitRun(text, at, 4);
			if (run == 0 || run > 3 || Chars.number(text, at, run) > 255) {
				return -1;
			}
			at += run;
		}
		return at;
	}

	/**
	 * The end of the IPv6 address starting at {@code start} (a hex digit or {@code ::}),
	 * or -1.
	 */
	static int v6At(String text, int start) {
		if (!colonWithinFive(text, start) || Chars.charAt(text, start - 1, ':')
				|| Chars.joinedBefore(text, start, V6_JOINERS)) {
			return -1;
		}
		V6 address = new V6(text, start);
		int end = address.parse();
		return (end < 0 || !address.complete() || joinedAfterV6(text, end)) ? -1 : end;
	}

	/**
	 * Every address has a colon within its first five characters: most words end there.
	 */
	private static boolean colonWithinFive(String text, int start) {
		int end = Math.min(text.length(), start + 5);
		for (int i = start; i < end; i++) {
			char c = text.charAt(i);
			if (c == ':') {
				return true;
			}
			if (!Chars.isHex(c)) {
				return false;
			}
		}
		return false;
	}

	private static boolean joinedAfterV6(String text, int end) {
		if (end >= text.length()) {
			return false;
		}
		char after = text.charAt(end);
		if (Chars.isWord(after)) {
			return true;
		}
		boolean more = end + 1 < text.length();
		return more && ((after == ':' && Chars.isHex(text.charAt(end + 1)))
				|| (after == '.' && Chars.isDigit(text.charAt(end + 1))));
	}

	/** One IPv6 candidate being read group by group. */
	private static final class V6 {

		private final String text;

		private int at;

		private int groups;

		private boolean compressed;

		V6(String text, int start) {
			this.text = text;
			this.at = start;
		}

		/** The end of the groups read, or -1 when they cannot be an address. */
		int parse() {
			if (Chars.charAt(this.text, this.at, ':')) {
				if (!doubleColon() || !hexAt(this.at)) {
					return -1;
				}
			}
			while (true) {
				int run = hexRun(this.at);
				if (run == 0 || run > 4) {
					return -1;
				}
				if (Chars.charAt(this.text, this.at + run, '.')) {
					return embeddedV4();
				}
				this.at += run;
				if (++this.groups > 8) {
					return -1;
				}
				if (Chars.charAt(this.text, this.at, ':') && Chars.charAt(this.text, this.at + 1, ':')) {
					if (this.compressed || !doubleColon()) {
						return -1;
					}
					if (!hexAt(this.at)) {
						return this.at;
					}
				}
				else if (Chars.charAt(this.text, this.at, ':') && hexAt(this.at + 1)) {
					this.at++;
				}
				else {
					return this.at;
				}
			}
		}

		boolean complete() {
			return this.compressed ? (this.groups >= 1 && this.groups <= 7) : this.groups == 8;
		}

		private boolean doubleColon() {
			if (!Chars.charAt(this.text, this.at + 1, ':') || Chars.charAt(this.text, this.at + 2, ':')) {
				return false;
			}
			this.compressed = true;
			this.at += 2;
			return true;
		}

		/** An IPv4 address as the last 32 bits: {@code ::ffff:192.0.2.1}. */
		private int embeddedV4() {
			int end = dotted(this.text, this.at);
			if (end < 0 || this.groups > (this.compressed ? 5 : 6)) {
				return -1;
			}
			this.groups += 2;
			return end;
		}

		private boolean hexAt(int index) {
			return index < this.text.length() && Chars.isHex(this.text.charAt(index));
		}

		private int hexRun(int from) {
			int i = from;
			int end = Math.min(this.text.length(), from + 5);
			while (i < end && Chars.isHex(this.text.charAt(i))) {
				i++;
			}
			return i - from;
		}

	}

}
