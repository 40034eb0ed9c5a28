package io.costlens.devlens;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.costlens.platform.Page;

/** The trace lines imports refused, in {@code devlens_rejected_traces}. */
@Repository
class RejectedRepository {

	static final int MAX_CONTENT = 10_000;

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	RejectedRepository(JdbcClient jdbc, JdbcTemplate batch) {
		this.jdbc = jdbc;
		this.batch = batch;
	}

	void insertAll(List<RejectedLine> lines) {
		this.batch.batchUpdate("insert into devlens_rejected_traces (id, import_id, line_number, reason, content, "
				+ "rejected_at) values (?, ?, ?, ?, ?, ?)", lines, 500, (ps, line) -> {
					ps.setObject(1, line.id());
					ps.setObject(2, line.importId());
					ps.setInt(3, line.line());
					ps.setString(4, line.reason());
					ps.setString(5, line.content());
					ps.setObject(6, Sql.utc(line.rejectedAt()));
				});
	}

	List<RejectedLine> list(@Nullable UUID importId, int page, int pageSize) {
		List<Object> args = new ArrayList<>();
		String where = where(importId, args);
		args.add(Page.offset(page, pageSize));
		args.add(pageSize);
		return this.jdbc
			.sql("select id, import_id, line_number, reason, content, rejected_at from devlens_rejected_traces" + where
					+ " order by rejected_at desc, import_id, line_number offset ? rows fetch next ? rows only")
			.params(args)
			.query((rs, n) -> new RejectedLine(rs.getObject("id", UUID.class), rs.getObject("import_id", UUID.class),
					rs.getInt("line_number"), rs.getString("reason"), rs.getString("content"),
					Sql.instant(rs, "rejected_at")))
			.list();
	}

	long count(@Nullable UUID importId) {
		List<Object> args = new ArrayList<>();
		return this.jdbc.sql("select count(*) from devlens_rejected_traces" + where(importId, args))
			.params(args)
			.query(Long.class)
			.single();
	}

	private static String where(@Nullable UUID importId, List<Object> args) {
		if (importId == null) {
			return "";
		}
		args.add(importId);
		return " where import_id = ?";
	}

	/**
	 * A refused line.
	 *
	 * @param id the row id
	 * @param importId the import it came in
	 * @param line its line number (NDJSON) or position (JSON array), from 1
	 * @param reason why it was refused
	 * @param content the line as sent, cut at 10 000 characters
	 * @param rejectedAt when
	 */
	record RejectedLine(UUID id, UUID importId, int line, String reason, String content, Instant rejectedAt) {

		static RejectedLine of(UUID importId, int line, String reason, String content, Instant now) {
			String cut = (content.length() > MAX_CONTENT) ? content.substring(0, MAX_CONTENT) : content;
			String why = (reason.length() > 1000) ? reason.substring(0, 1000) : reason;
			return new RejectedLine(UUID.randomUUID(), importId, line, why, cut, now);
		}

	}

}
