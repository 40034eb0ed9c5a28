package io.costlens.platform;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Inserts many rows into one table inside the caller's transaction: with PostgreSQL's
 * {@code COPY … FROM STDIN} (one round trip, about twice as fast as a JDBC batch of
 * inserts), as a JDBC batch insert on every other database. A row is given as its column
 * values in the order of the columns: {@link String}, numbers, {@link Boolean},
 * {@link java.util.UUID}, {@link Instant} or {@link OffsetDateTime} (stored in UTC), or
 * {@code null}.
 */
public final class BulkInsert {

	private static final DateTimeFormatter COPY_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSSxxx");

	/**
	 * The characters the driver reads from the rows at a time. Its default is 65 536, a
	 * 128 KB array for every COPY, however small: a group commit of a few logs allocated
	 * far more for it than for its rows (a quarter of all the allocation under the soak's
	 * mixed load, JFR), and more allocation means more frequent young collections.
	 */
	static final int COPY_CHUNK = 8192;

	private BulkInsert() {
	}

	/**
	 * Inserts the rows.
	 * @param jdbc the template of the transaction's data source
	 * @param table the table
	 * @param columns its columns, comma-separated, in the order of the values
	 * @param rows the rows
	 * @param values a row's column values, in the order of {@code columns}
	 */
	public static <T> void insertAll(JdbcTemplate jdbc, String table, String columns, List<T> rows,
			Function<T, @Nullable Object[]> values) {
		if (rows.isEmpty()) {
			return;
		}
		boolean copied = Boolean.TRUE.equals(jdbc.execute((Connection connection) -> {
			if (!connection.isWrapperFor(PGConnection.class)) {
				return false;
			}
			try {
				connection.unwrap(PGConnection.class)
					.getCopyAPI()
					.copyIn("copy " + table + " (" + columns + ") from stdin", new CopyText<>(rows, values),
							COPY_CHUNK);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			return true;
		}));
		if (!copied) {
			int count = columns.split(",").length;
			String insert = "insert into " + table + " (" + columns + ") values (?" + ", ?".repeat(count - 1) + ")";
			jdbc.batchUpdate(insert, rows, rows.size(), (ps, row) -> {
				@Nullable Object[] cells = values.apply(row);
				for (int i = 0; i < cells.length; i++) {
					ps.setObject(i + 1, parameter(cells[i]));
				}
			});
		}
	}

	/**
	 * The rows in COPY's text format: tab-separated, {@code \N} for null, with {@code \},
	 * tab and line breaks escaped.
	 */
	static <T> String copyText(List<T> rows, Function<T, @Nullable Object[]> values) {
		StringBuilder text = new StringBuilder();
		rows.forEach((row) -> appendRow(text, values.apply(row)));
		return text.toString();
	}

	private static void appendRow(StringBuilder text, @Nullable Object[] columns) {
		for (int i = 0; i < columns.length; i++) {
			if (i > 0) {
				text.append('\t');
			}
			append(text, columns[i]);
		}
		text.append('\n');
	}

	private static void append(StringBuilder text, @Nullable Object value) {
		switch (value) {
			case null -> text.append("\\N");
			case Boolean b -> text.append(b ? 't' : 'f');
			case Instant instant -> text.append(COPY_TIME.format(instant.atOffset(ZoneOffset.UTC)));
			case OffsetDateTime time -> text.append(COPY_TIME.format(time.withOffsetSameInstant(ZoneOffset.UTC)));
			case Number number -> text.append(number);
			default -> escape(text, value.toString());
		}
	}

	private static void escape(StringBuilder text, String value) {
		int first = 0;
		while (first < value.length() && !needsEscape(value.charAt(first))) {
			first++;
		}
		text.append(value, 0, first);
		for (int i = first; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '\\' -> text.append("\\\\");
				case '\t' -> text.append("\\t");
				case '\n' -> text.append("\\n");
				case '\r' -> text.append("\\r");
				default -> text.append(c);
			}
		}
	}

	/**
	 * The rows in COPY's text format, written a row at a time as the driver reads, so a
	 * batch never sits in memory a second time as one large string.
	 */
	static final class CopyText<T> extends Reader {

		private final Iterator<T> rows;

		private final Function<T, @Nullable Object[]> values;

		private final StringBuilder row = new StringBuilder(1024);

		private int position;

		CopyText(List<T> rows, Function<T, @Nullable Object[]> values) {
			this.rows = rows.iterator();
			this.values = values;
		}

		@Override
		public int read(char[] buffer, int offset, int length) {
			if (length == 0) {
				return 0;
			}
			int written = 0;
			while (written < length) {
				if (this.position == this.row.length()) {
					if (!this.rows.hasNext()) {
						break;
					}
					this.row.setLength(0);
					this.position = 0;
					appendRow(this.row, this.values.apply(this.rows.next()));
				}
				int n = Math.min(length - written, this.row.length() - this.position);
				this.row.getChars(this.position, this.position + n, buffer, offset + written);
				this.position += n;
				written += n;
			}
			return (written == 0) ? -1 : written;
		}

		@Override
		public void close() {
		}

	}

	private static boolean needsEscape(char c) {
		return c == '\\' || c == '\t' || c == '\n' || c == '\r';
	}

	private static @Nullable Object parameter(@Nullable Object value) {
		return (value instanceof Instant instant) ? DatabaseTime.utc(instant) : value;
	}

}
