package io.costlens.reports;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Turns the rows of PostgreSQL's
 * {@code COPY (select <the columns of CsvReport.LOG_HEADER>) TO STDOUT (FORMAT csv)} into
 * the lines {@link CsvReport}'s portable path prints with Commons CSV's RFC 4180 format,
 * byte for byte: each field is unquoted as PostgreSQL quoted it and quoted again where
 * Commons CSV's minimal quoting quotes (an empty first field; a first character up to
 * {@code #}; a quote, comma, CR or LF anywhere; a last character up to a space), lines
 * end in CRLF, the time (sent as UTC {@code timestamp} text such as
 * {@code 2026-10-01 00:00:01.5}) is printed as {@link java.time.Instant#toString()} does
 * ({@code 2026-10-01T00:00:01.500Z}), {@code t}/{@code f} as {@code true}/{@code false},
 * and the PII types' commas become semicolons. PostgreSQL's own CSV output costs it far
 * less than building each line with SQL expressions, and this pass is a plain loop over
 * bytes.
 * <p>
 * One instance per copy: it reuses its buffers from row to row.
 */
final class CopyCsvLines {

	static final int RECEIVED_AT = 1;

	static final int HAS_PII = 6;

	static final int PII_TYPES = 7;

	private static final byte QUOTE = '"';

	private static final byte COMMA = ',';

	private static final byte[] TRUE = "true".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] FALSE = "false".getBytes(StandardCharsets.US_ASCII);

	private byte[] field = new byte[1024];

	private int fieldLength;

	private byte[] line = new byte[4096];

	private int length;

	/**
	 * Rewrites one row as COPY sent it (one CopyData message: the row and its LF) and
	 * writes the line to {@code out}. A field PostgreSQL left unquoted holds no quote,
	 * comma, CR or LF, so it goes straight from the row into the line; only quoted ones
	 * are unquoted first.
	 */
	void write(byte[] row, OutputStream out) throws IOException {
		int end = row.length;
		if (end > 0 && row[end - 1] == '\n') {
			end--;
		}
		if (this.line.length < 2 * end + 64) {
			this.line = new byte[2 * end + 64];
		}
		this.length = 0;
		int column = 0;
		int i = 0;
		while (true) {
			if (i < end && row[i] == QUOTE) {
				i = unquote(row, i + 1, end);
				column(column, this.field, 0, this.fieldLength, false);
			}
			else {
				int start = i;
				while (i < end && row[i] != COMMA) {
					i++;
				}
				column(column, row, start, i - start, true);
			}
			if (i >= end) {
				break;
			}
			if (row[i] != COMMA) {
				throw malformed("text after a quoted field");
			}
			i++;
			column++;
			this.line[this.length++] = COMMA;
		}
		this.line[this.length++] = '\r';
		this.line[this.length++] = '\n';
		out.write(this.line, 0, this.length);
	}

	/**
	 * Reads the quoted field that starts at {@code i} (after its opening quote) into
	 * {@link #field}; where the row goes on after its closing quote.
	 */
	private int unquote(byte[] row, int i, int end) throws IOException {
		if (this.field.length < end) {
			this.field = new byte[end];
		}
		int n = 0;
		while (true) {
			if (i >= end) {
				throw malformed("an unterminated quoted field");
			}
			byte b = row[i++];
			if (b != QUOTE) {
				this.field[n++] = b;
			}
			else if (i < end && row[i] == QUOTE) {
				this.field[n++] = QUOTE;
				i++;
			}
			else {
				this.fieldLength = n;
				return i;
			}
		}
	}

	/**
	 * Appends one field's value ({@code n} bytes of {@code value} from {@code from});
	 * {@code plain} when PostgreSQL left it unquoted.
	 */
	private void column(int column, byte[] value, int from, int n, boolean plain) throws IOException {
		switch (column) {
			case RECEIVED_AT -> instant(value, from, n);
			case HAS_PII -> {
				if (n != 1 || (value[from] != 't' && value[from] != 'f')) {
					throw malformed("a boolean that is neither t nor f");
				}
				append((value[from] == 't') ? TRUE : FALSE);
			}
			case PII_TYPES -> {
				for (int i = from; i < from + n; i++) {
					if (value[i] == COMMA) {
						value[i] = ';';
					}
				}
				quoted(column, value, from, n, plain);
			}
			default -> quoted(column, value, from, n, plain);
		}
	}

	/**
	 * {@code yyyy-MM-dd HH:mm:ss[.f{1,6}]} as {@code yyyy-MM-ddTHH:mm:ss[.fff|.ffffff]Z}:
	 * fractions in groups of three digits, none when zero.
	 */
	private void instant(byte[] value, int from, int n) throws IOException {
		if (n < 19 || value[from + 10] != ' ' || (n > 19 && (value[from + 19] != '.' || n > 26 || n == 20))) {
			throw malformed("a time not in the ISO form");
		}
		System.arraycopy(value, from, this.line, this.length, 19);
		this.line[this.length + 10] = 'T';
		this.length += 19;
		if (n > 19) {
			int digits = n - 20;
			System.arraycopy(value, from + 19, this.line, this.length, n - 19);
			this.length += n - 19;
			for (int pad = (digits <= 3) ? 3 - digits : 6 - digits; pad > 0; pad--) {
				this.line[this.length++] = '0';
			}
		}
		this.line[this.length++] = 'Z';
	}

	/**
	 * Appends a text value, quoted where Commons CSV's minimal quoting quotes it. A
	 * {@code plain} value holds no quote, comma, CR or LF: only its ends decide.
	 */
	private void quoted(int column, byte[] value, int from, int n, boolean plain) {
		if (n == 0) {
			if (column == 0) {
				this.line[this.length++] = QUOTE;
				this.line[this.length++] = QUOTE;
			}
			return;
		}
		int to = from + n;
		boolean quote = (value[from] & 0xff) <= '#' || (value[to - 1] & 0xff) <= ' ';
		for (int i = from; i < to && !quote && !plain; i++) {
			byte b = value[i];
			quote = b == QUOTE || b == COMMA || b == '\n' || b == '\r';
		}
		if (!quote) {
			System.arraycopy(value, from, this.line, this.length, n);
			this.length += n;
			return;
		}
		this.line[this.length++] = QUOTE;
		for (int i = from; i < to; i++) {
			byte b = value[i];
			if (b == QUOTE) {
				this.line[this.length++] = QUOTE;
			}
			this.line[this.length++] = b;
		}
		this.line[this.length++] = QUOTE;
	}

	private void append(byte[] bytes) {
		System.arraycopy(bytes, 0, this.line, this.length, bytes.length);
		this.length += bytes.length;
	}

	private static IOException malformed(String what) {
		return new IOException("PostgreSQL's COPY sent " + what + " in the scenario's logs");
	}

}
