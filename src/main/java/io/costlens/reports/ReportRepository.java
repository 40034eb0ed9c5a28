package io.costlens.reports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.costlens.platform.Caches;
import io.costlens.reports.Report.Format;
import io.costlens.reports.Report.Granularity;
import io.costlens.reports.Report.Section;
import io.costlens.reports.Report.Status;

/** Reports and the chunks their files are stored in. */
@Repository
class ReportRepository {

	private static final String COLUMNS = "id, scenario_id, requested_by, format, sections, granularity, status, "
			+ "failure, size_bytes, file_name, created_at, started_at, completed_at, expires_at";

	private final JdbcClient jdbc;

	private final JdbcTemplate connections;

	private final Caches caches;

	ReportRepository(JdbcClient jdbc, JdbcTemplate connections, ObjectProvider<Caches> caches) {
		this.jdbc = jdbc;
		this.connections = connections;
		this.caches = caches.getIfAvailable(Caches::none);
	}

	void insert(Report report) {
		this.jdbc
			.sql("insert into reports (" + COLUMNS + ") values (:id, :scenario, :requestedBy, :format, :sections, "
					+ ":granularity, :status, null, null, :fileName, :created, null, null, :expires)")
			.param("id", report.id())
			.param("scenario", report.scenarioId())
			.param("requestedBy", report.requestedBy())
			.param("format", report.format().value())
			.param("sections", report.sections().stream().map(Section::value).collect(Collectors.joining(",")))
			.param("granularity", report.granularity().value())
			.param("status", report.status().value())
			.param("fileName", report.fileName())
			.param("created", utc(report.createdAt()))
			.param("expires", utc(report.expiresAt()))
			.update();
		changed(1);
	}

	Optional<Report> find(UUID id) {
		return this.jdbc.sql("select " + COLUMNS + " from reports where id = :id")
			.param("id", id)
			.query(ReportRepository::map)
			.optional();
	}

	/**
	 * A scenario's reports, newest first; only those of {@code requester} unless null.
	 */
	List<Report> findByScenario(UUID scenarioId, @Nullable UUID requester, long offset, int limit) {
		return this.jdbc
			.sql("select " + COLUMNS + " from reports where scenario_id = :scenario "
					+ "and (cast(:requester as uuid) is null or requested_by = :requester) "
					+ "order by created_at desc, id desc offset " + offset + " rows fetch next " + limit + " rows only")
			.param("scenario", scenarioId)
			.param("requester", requester)
			.query(ReportRepository::map)
			.list();
	}

	List<Report> findAll(@Nullable UUID requester, int offset, int limit) {
		return this.jdbc
			.sql("select " + COLUMNS
					+ " from reports where (cast(:requester as uuid) is null or requested_by = :requester) "
					+ "order by created_at desc, id desc offset " + offset + " rows fetch next " + limit + " rows only")
			.param("requester", requester)
			.query(ReportRepository::map)
			.list();
	}

	long countAll(@Nullable UUID requester) {
		return this.jdbc
			.sql("select count(*) from reports where (cast(:requester as uuid) is null or requested_by = :requester)")
			.param("requester", requester)
			.query(Long.class)
			.single();
	}

	long countByScenario(UUID scenarioId, @Nullable UUID requester) {
		return this.jdbc
			.sql("select count(*) from reports where scenario_id = :scenario "
					+ "and (cast(:requester as uuid) is null or requested_by = :requester)")
			.param("scenario", scenarioId)
			.param("requester", requester)
			.query(Long.class)
			.single();
	}

	/**
	 * Moves a queued (or interrupted) report to running; false when it is done already.
	 */
	boolean start(UUID id, Instant now) {
		return changed(this.jdbc
			.sql("update reports set status = 'running', started_at = :now "
					+ "where id = :id and status in ('queued', 'running')")
			.param("id", id)
			.param("now", utc(now))
			.update()) == 1;
	}

	void complete(UUID id, long size, Instant now) {
		changed(this.jdbc
			.sql("update reports set status = 'completed', size_bytes = :size, completed_at = :now where id = :id")
			.param("id", id)
			.param("size", size)
			.param("now", utc(now))
			.update());
	}

	void fail(UUID id, String reason, Instant now) {
		changed(this.jdbc
			.sql("update reports set status = 'failed', failure = :reason, size_bytes = null, completed_at = :now "
					+ "where id = :id and status <> 'completed'")
			.param("id", id)
			.param("reason", (reason.length() > 1000) ? reason.substring(0, 1000) : reason)
			.param("now", utc(now))
			.update());
	}

	/**
	 * Marks the reports changed after a write (and again when its transaction ends), so a
	 * read between the two cannot keep the old rows under the new generation.
	 */
	private int changed(int rows) {
		if (rows > 0) {
			this.caches.changed(Reports.DATA);
		}
		return rows;
	}

	/**
	 * Stores {@code length} bytes of {@code data} from {@code offset} as chunk
	 * {@code seq}, as a stream: the driver sends them from the array instead of copying
	 * it first.
	 */
	void writeChunk(UUID id, int seq, byte[] data, int offset, int length) {
		this.connections.update("insert into report_chunks (report_id, seq, data) values (?, ?, ?)", (statement) -> {
			statement.setObject(1, id);
			statement.setInt(2, seq);
			statement.setBinaryStream(3, new ByteArrayInputStream(data, offset, length), length);
		});
	}

	int deleteChunks(UUID id) {
		return this.jdbc.sql("delete from report_chunks where report_id = :id").param("id", id).update();
	}

	/**
	 * Copies the stored file to {@code out}, one chunk at a time: on PostgreSQL with
	 * {@code COPY} in binary format, which sends the bytes as they are (a plain query
	 * sends {@code bytea} as hex text, twice the size, until the driver prepares it on
	 * the server).
	 */
	void copyTo(UUID id, OutputStream out) {
		Boolean copied = this.connections.execute((Connection connection) -> {
			if (!connection.isWrapperFor(PGConnection.class)) {
				return false;
			}
			try {
				BinaryCopy.copy(connection.unwrap(PGConnection.class),
						"select data from report_chunks where report_id = '" + id + "' order by seq", out);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			return true;
		});
		if (Boolean.TRUE.equals(copied)) {
			return;
		}
		this.jdbc.sql("select data from report_chunks where report_id = :id order by seq")
			.withFetchSize(1)
			.param("id", id)
			.query((ResultSet rs) -> {
				try {
					out.write(rs.getBytes("data"));
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
	}

	/** Deletes reports (and their files) that expired before {@code now}. */
	int deleteExpired(Instant now) {
		this.jdbc.sql("delete from report_chunks where report_id in (select id from reports where expires_at < :now)")
			.param("now", utc(now))
			.update();
		return changed(this.jdbc.sql("delete from reports where expires_at < :now").param("now", utc(now)).update());
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

	private static Report map(ResultSet rs, int row) throws SQLException {
		List<Section> sections = Arrays.stream(rs.getString("sections").split(","))
			.filter((s) -> !s.isEmpty())
			.map((s) -> Section.valueOf(s.toUpperCase(Locale.ROOT)))
			.toList();
		long size = rs.getLong("size_bytes");
		Long sizeBytes = rs.wasNull() ? null : size;
		return new Report(rs.getObject("id", UUID.class), rs.getObject("scenario_id", UUID.class),
				rs.getObject("requested_by", UUID.class),
				Format.valueOf(rs.getString("format").toUpperCase(Locale.ROOT)), sections,
				Granularity.valueOf(rs.getString("granularity").toUpperCase(Locale.ROOT)),
				Status.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)), rs.getString("failure"), sizeBytes,
				rs.getString("file_name"), instant(rs, "created_at"), instant(rs, "started_at"),
				instant(rs, "completed_at"), instant(rs, "expires_at"));
	}

}
