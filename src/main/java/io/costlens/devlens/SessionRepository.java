package io.costlens.devlens;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static io.costlens.devlens.Sql.utc;

/** Sessions in {@code devlens_sessions}. */
@Repository
class SessionRepository {

	static final String COLUMNS = "trace_hash, session_id, developer_id, started_at, model, tokens_in, tokens_out, "
			+ "total_tokens, latency_ms, status_code, accepted_flag, repo_slug, event_date, cost_usd, diff_ratio, "
			+ "accepted_lines, trace_format";

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	SessionRepository(JdbcClient jdbc, JdbcTemplate batch) {
		this.jdbc = jdbc;
		this.batch = batch;
	}

	/** The stored sessions among these hashes, locked until the transaction ends. */
	Map<String, Session> lock(Collection<String> hashes) {
		List<String> sorted = hashes.stream().distinct().sorted().toList();
		Map<String, Session> stored = new HashMap<>();
		for (int from = 0; from < sorted.size(); from += Sql.CHUNK) {
			List<String> chunk = sorted.subList(from, Math.min(sorted.size(), from + Sql.CHUNK));
			this.jdbc
				.sql("select " + COLUMNS + " from devlens_sessions where trace_hash in ("
						+ Sql.placeholders(chunk.size(), "?") + ") order by trace_hash for update")
				.params(new ArrayList<Object>(chunk))
				.query(SessionRepository::map)
				.list()
				.forEach((s) -> stored.put(s.traceHash(), s));
		}
		return stored;
	}

	void insertAll(List<Session> sessions, Instant now) {
		this.batch.batchUpdate("insert into devlens_sessions (" + COLUMNS + ", imported_at) values "
				+ "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", sessions, 1000, (ps, s) -> {
					ps.setString(1, s.traceHash());
					set(ps, s, 2);
					ps.setObject(18, utc(now));
				});
	}

	void updateAll(List<Session> sessions, Instant now) {
		this.batch.batchUpdate("update devlens_sessions set session_id = ?, developer_id = ?, started_at = ?, "
				+ "model = ?, tokens_in = ?, tokens_out = ?, total_tokens = ?, latency_ms = ?, status_code = ?, "
				+ "accepted_flag = ?, repo_slug = ?, event_date = ?, cost_usd = ?, diff_ratio = ?, accepted_lines = ?, "
				+ "trace_format = ?, imported_at = ? where trace_hash = ?", sessions, 1000, (ps, s) -> {
					set(ps, s, 1);
					ps.setObject(17, utc(now));
					ps.setString(18, s.traceHash());
				});
	}

	private static void set(PreparedStatement ps, Session s, int first) throws SQLException {
		CanonicalTrace t = s.trace();
		ps.setString(first, t.sessionId());
		ps.setString(first + 1, t.developerId());
		ps.setObject(first + 2, utc(t.timestamp()));
		ps.setString(first + 3, t.model());
		ps.setLong(first + 4, t.tokensIn());
		ps.setLong(first + 5, t.tokensOut());
		ps.setLong(first + 6, t.totalTokens());
		ps.setDouble(first + 7, t.latencyMs());
		setNullable(ps, first + 8, t.statusCode(), Types.INTEGER);
		ps.setBoolean(first + 9, t.acceptedFlag());
		ps.setString(first + 10, t.repoSlug());
		ps.setObject(first + 11, s.eventDate());
		setNullable(ps, first + 12, s.costUsd(), Types.NUMERIC);
		setNullable(ps, first + 13, t.diffRatio(), Types.DOUBLE);
		setNullable(ps, first + 14, t.acceptedLines(), Types.INTEGER);
		ps.setString(first + 15, t.format().value());
	}

	private static void setNullable(PreparedStatement ps, int index, @Nullable Object value, int type)
			throws SQLException {
		if (value == null) {
			ps.setNull(index, type);
		}
		else {
			ps.setObject(index, value);
		}
	}

	static Session map(ResultSet rs, int row) throws SQLException {
		CanonicalTrace trace = new CanonicalTrace(rs.getString("session_id"), rs.getString("developer_id"),
				Sql.instant(rs, "started_at"), rs.getString("model"), rs.getLong("tokens_in"), rs.getLong("tokens_out"),
				rs.getDouble("latency_ms"), Sql.integer(rs, "status_code"), rs.getBoolean("accepted_flag"),
				rs.getString("repo_slug"), Sql.decimal(rs, "diff_ratio"), Sql.integer(rs, "accepted_lines"),
				TraceFormat.valueOf(rs.getString("trace_format").toUpperCase(java.util.Locale.ROOT)));
		return new Session(trace, rs.getString("trace_hash"), rs.getBigDecimal("cost_usd"));
	}

}
