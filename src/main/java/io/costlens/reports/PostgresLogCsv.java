package io.costlens.reports;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.OptionalLong;
import java.util.UUID;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyInputStream;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;

/**
 * The per-log CSV on PostgreSQL: {@code COPY (select …) TO STDOUT}, with each CSV line
 * built by the database exactly as {@link CsvReport}'s portable path prints it (Commons
 * CSV's RFC 4180 format: minimal quoting, CRLF, {@link java.time.Instant} text for
 * times), streamed row by row into the output. PostgreSQL formats the rows and no row
 * becomes a Java object, which makes it several times faster than reading them through
 * JDBC. Elsewhere (H2) it declines and the portable path runs.
 * <p>
 * The copy reads on a connection of its own, since the report's file is written, in the
 * generator's transaction, while the rows are still coming: a connection busy with a
 * {@code COPY} can run nothing else.
 */
@Component
class PostgresLogCsv {

	/** A text column as Commons CSV's minimal quoting prints it. */
	private static final String QUOTED = """
			case when {v} = '' then ''
			     when ascii({v}) <= 35 or ascii(right({v}, 1)) <= 32 or strpos({v}, '"') > 0
			          or strpos({v}, ',') > 0 or strpos({v}, chr(10)) > 0 or strpos({v}, chr(13)) > 0
			     then '"' || replace({v}, '"', '""') || '"'
			     else {v} end""";

	/**
	 * One CSV line per log: the columns of {@link CsvReport#LOG_HEADER}, times as
	 * {@code Instant.toString()} prints them (fractions of a second in groups of three
	 * digits, none when zero), PII types separated by semicolons.
	 */
	private static final String LINE = """
			select cast(l.id as varchar) || ','
			    || case when right(t.s, 6) = '000000' then left(t.s, 19)
			            when right(t.s, 3) = '000' then left(t.s, 23) else t.s end || 'Z,'
			    || {source} || ',' || l.size_bytes || ',' || l.token_count || ',' || l.sqs_blocks || ','
			    || case when l.has_pii then 'true' else 'false' end || ','
			    || {types} || ',' || cast(l.message_hash as varchar) || ',' || {preview} || chr(13) || chr(10)
			from scenario_logs l,
			     lateral (select to_char(l.received_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') as s) t
			where l.scenario_id = '{scenario}'
			order by l.received_at, l.id""".replace("{source}", quoted("l.source"))
		.replace("{types}", quoted("replace(l.pii_types, ',', ';')"))
		.replace("{preview}", quoted("l.message_preview"));

	/**
	 * The 11-byte signature, flags and header-extension length of COPY's binary format.
	 */
	private static final int BINARY_HEADER = 11 + 4;

	private final DataSource dataSource;

	PostgresLogCsv(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/**
	 * Writes the header and one line per log of the scenario, oldest first.
	 * @return how many logs were written, or empty (nothing written) when the database is
	 * not PostgreSQL
	 */
	OptionalLong write(UUID scenarioId, OutputStream out) throws IOException {
		try (Connection connection = this.dataSource.getConnection()) {
			if (!connection.isWrapperFor(PGConnection.class)) {
				return OptionalLong.empty();
			}
			PGConnection postgres = connection.unwrap(PGConnection.class);
			out.write((String.join(",", CsvReport.LOG_HEADER) + "\r\n").getBytes(StandardCharsets.US_ASCII));
			String sql = "copy (" + LINE.replace("{scenario}", scenarioId.toString()) + ") to stdout (format binary)";
			try (DataInputStream rows = new DataInputStream(
					new BufferedInputStream(new PGCopyInputStream(postgres, sql), 64 * 1024))) {
				return OptionalLong.of(copyLines(rows, out));
			}
		}
		catch (SQLException ex) {
			throw new DataAccessResourceFailureException("COPY of the scenario's logs failed", ex);
		}
	}

	/**
	 * Reads COPY's binary format of one-column rows and writes each row's bytes (its CSV
	 * line, UTF-8) as they are.
	 */
	private static long copyLines(DataInputStream rows, OutputStream out) throws IOException {
		rows.skipNBytes(BINARY_HEADER);
		rows.skipNBytes(rows.readInt());
		byte[] line = new byte[4096];
		long count = 0;
		while (rows.readShort() != -1) {
			int length = rows.readInt();
			if (length > line.length) {
				line = new byte[Math.max(length, line.length * 2)];
			}
			rows.readFully(line, 0, length);
			out.write(line, 0, length);
			count++;
		}
		return count;
	}

	private static String quoted(String value) {
		return QUOTED.replace("{v}", value);
	}

}
