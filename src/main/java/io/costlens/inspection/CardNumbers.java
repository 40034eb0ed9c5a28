package io.costlens.inspection;

/**
 * Payment card numbers: 13 to 19 digits that pass the Luhn check, start with the prefix
 * of a card network and have a length that network issues. They are written compact
 * ({@code 4111111111111111}) or in the printed groupings, separated by all spaces or all
 * dashes: groups of four with a shorter last group ({@code 4111 1111 1111 1111},
 * {@code 6011-0009-9013-9424-123}), or 4-6-5 and 4-6-4 (American Express, Diners).
 * <p>
 * A space may also end a number ({@code 4111 1111 1111 1111 2 items}), so the longest
 * grouping that passes every check wins; a dash or a dot joins, so
 * {@code 4111-1111-1111-1111-22} is some other identifier.
 */
final class CardNumbers {

	private static final String JOINERS = ".-/@";

	private static final int MIN_DIGITS = 13;

	private static final int MAX_DIGITS = 19;

	private CardNumbers() {
	}

	/** The end of the longest card number starting at {@code start}, or -1. */
	static int at(String text, int start) {
		if (!startsLikeACard(text, start) || Chars.joinedBefore(text, start, JOINERS) || continuesGroups(text, start)) {
			return -1;
		}
		Groups groups = new Groups(text, start);
		int best = -1;
		while (groups.next()) {
			if (groups.isCardShaped() && issued(text, start, groups.digits)
					&& !Chars.joinedAfter(text, groups.end, JOINERS)) {
				best = groups.end;
			}
		}
		return best;
	}

	/**
	 * Every accepted form starts with 13 to 19 digits in a row, or with a group of four,
	 * a separator and a group of at least four ({@code 2024-03-14} does not).
	 */
	private static boolean startsLikeACard(String text, int start) {
		int run = Chars.digitRun(text, start, MAX_DIGITS + 1);
		if (run == 4) {
			return Chars.digitRun(text, start + 5, 4) == 4;
		}
		return run >= MIN_DIGITS && run <= MAX_DIGITS;
	}

	/**
	 * Whether a group of four letters or digits, at least one a digit, and a space stand
	 * right before: then the digits are a slice of a longer grouped identifier, such as
	 * an IBAN whose checksum failed ({@code IT56 O652 6763 0294 3087 5156 407}).
	 */
	private static boolean continuesGroups(String text, int start) {
		if (start < 5 || text.charAt(start - 1) != ' ' || (start > 5 && Chars.isWord(text.charAt(start - 6)))) {
			return false;
		}
		boolean digit = false;
		for (int i = start - 5; i < start - 1; i++) {
			char c = text.charAt(i);
			if (!Chars.isAsciiAlphanumeric(c)) {
				return false;
			}
			digit |= Chars.isDigit(c);
		}
		return digit;
	}

	/** Whether a card network issues numbers of this length with this prefix. */
	static boolean issued(String text, int start, int length) {
		int prefix = Chars.number(text, start, 4);
		return switch (prefix / 1000) {
			case 4 -> length == 13 || length == 16 || length == 19;
			case 5 -> (prefix >= 5100 && prefix < 5600) ? length == 16 : true;
			case 2 -> prefix >= 2221 && prefix <= 2720 && length == 16;
			case 3 -> amexOrDinersOrJcb(prefix, length);
			case 6 -> length >= 16;
			default -> false;
		};
	}

	private static boolean amexOrDinersOrJcb(int prefix, int length) {
		int two = prefix / 100;
		if (two == 34 || two == 37) {
			return length == 15;
		}
		if (two == 36 || two == 38 || two == 39 || (prefix >= 3000 && prefix < 3060)) {
			return length >= 14;
		}
		return prefix >= 3528 && prefix <= 3589 && length >= 16;
	}

	/**
	 * Reads digit groups one at a time and keeps what the checks need: the Luhn sums for
	 * either parity of the final length, and the group lengths.
	 */
	private static final class Groups {

		private final String text;

		private int end;

		private int digits;

		private int count;

		private int first;

		private int second;

		private int last;

		private boolean leadingFours = true;

		private char separator;

		/**
		 * Luhn sums doubling the digits at even (0) or odd (1) positions from the left.
		 */
		private int evenDoubled;

		private int oddDoubled;

		Groups(String text, int start) {
			this.text = text;
			this.end = start;
		}

		boolean next() {
			if (this.count > 0 && !separatorFollows()) {
				return false;
			}
			int run = 0;
			while (this.end < this.text.length() && Chars.isDigit(this.text.charAt(this.end))
					&& this.digits <= MAX_DIGITS) {
				add(this.text.charAt(this.end) - '0');
				run++;
			}
			if (run == 0 || this.digits > MAX_DIGITS) {
				return false;
			}
			record(run);
			return true;
		}

		private boolean separatorFollows() {
			if (this.end + 1 >= this.text.length() || !Chars.isDigit(this.text.charAt(this.end + 1))) {
				return false;
			}
			char c = this.text.charAt(this.end);
			if ((c != ' ' && c != '-') || (this.separator != 0 && c != this.separator)) {
				return false;
			}
			this.separator = c;
			this.end++;
			return true;
		}

		private void add(int digit) {
			int doubled = (digit * 2 > 9) ? digit * 2 - 9 : digit * 2;
			boolean even = (this.digits % 2) == 0;
			this.evenDoubled += even ? doubled : digit;
			this.oddDoubled += even ? digit : doubled;
			this.digits++;
			this.end++;
		}

		private void record(int run) {
			if (this.count > 0 && this.last != 4) {
				this.leadingFours = false;
			}
			if (this.count == 0) {
				this.first = run;
			}
			else if (this.count == 1) {
				this.second = run;
			}
			this.last = run;
			this.count++;
		}

		boolean isCardShaped() {
			return this.digits >= MIN_DIGITS && luhnValid() && grouped();
		}

		/**
		 * The check digit is never doubled, so the doubled positions depend on the
		 * length.
		 */
		private boolean luhnValid() {
			int sum = ((this.digits % 2) == 0) ? this.evenDoubled : this.oddDoubled;
			return sum % 10 == 0;
		}

		private boolean grouped() {
			if (this.count == 1) {
				return true;
			}
			if (this.leadingFours && this.first == 4 && this.last <= 4) {
				return true;
			}
			return this.count == 3 && this.first == 4 && this.second == 6 && (this.last == 5 || this.last == 4);
		}

	}

}
