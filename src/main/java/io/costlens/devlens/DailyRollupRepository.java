package io.costlens.devlens;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.datadoghq.sketch.ddsketch.DDSketch;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The daily roll-ups per developer, repository and model, and the daily latency sketches
 * per repository.
 */
@Repository
class DailyRollupRepository {

	private static final String TOTALS = "session_count, accepted_count, error_count, tokens_in, tokens_out, "
			+ "total_tokens, priced_count, cost_usd, unpriced_count, unpriced_tokens, latency_sum, accepted_tokens, "
			+ "accepted_lines, accepted_lines_seen, diff_count, diff_sum, diff_above, first_at, last_at";

	private static final String SUMS = "sum(session_count) as session_count, sum(accepted_count) as accepted_count, "
			+ "sum(error_count) as error_count, sum(tokens_in) as tokens_in, sum(tokens_out) as tokens_out, "
			+ "sum(total_tokens) as total_tokens, sum(priced_count) as priced_count, sum(cost_usd) as cost_usd, "
			+ "sum(unpriced_count) as unpriced_count, sum(unpriced_tokens) as unpriced_tokens, "
			+ "sum(latency_sum) as latency_sum, sum(accepted_tokens) as accepted_tokens, "
			+ "sum(accepted_lines) as accepted_lines, sum(accepted_lines_seen) as accepted_lines_seen, "
			+ "sum(diff_count) as diff_count, sum(diff_sum) as diff_sum, sum(diff_above) as diff_above, "
			+ "min(first_at) as first_at, max(last_at) as last_at";

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	DailyRollupRepository(JdbcClient jdbc, JdbcTemplate batch) {
		this.jdbc = jdbc;
		this.batch = batch;
	}

	/**
	 * The stored rows among {@code keys}, locked in key order until the transaction ends.
	 */
	Map<DailyKey, DailyRollup> lock(Collection<DailyKey> keys) {
		List<DailyKey> sorted = keys.stream().sorted().toList();
		Map<DailyKey, DailyRollup> stored = new TreeMap<>();
		for (int from = 0; from < sorted.size(); from += Sql.CHUNK) {
			List<DailyKey> chunk = sorted.subList(from, Math.min(sorted.size(), from + Sql.CHUNK));
			List<Object> args = new ArrayList<>();
			chunk.forEach((key) -> {
				args.add(key.eventDate());
				args.add(key.developerId());
				args.add(key.repoSlug());
				args.add(key.model());
			});
			this.jdbc
				.sql("select event_date, developer_id, repo_slug, model, " + TOTALS
						+ " from devlens_daily where (event_date, developer_id, repo_slug, model) in ("
						+ Sql.placeholders(chunk.size(), "(?, ?, ?, ?)")
						+ ") order by event_date, developer_id, repo_slug, model for update")
				.params(args)
				.query((ResultSet rs) -> {
					stored.put(new DailyKey(rs.getObject("event_date", LocalDate.class), rs.getString("developer_id"),
							rs.getString("repo_slug"), rs.getString("model")), rollup(rs));
				});
		}
		return stored;
	}

	void insert(Map<DailyKey, DailyRollup> rows) {
		this.batch.batchUpdate(
				"insert into devlens_daily (" + TOTALS + ", event_date, developer_id, repo_slug, model) "
						+ "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
				List.copyOf(rows.entrySet()), 1000, DailyRollupRepository::set);
	}

	void update(Map<DailyKey, DailyRollup> rows) {
		this.batch.batchUpdate(
				"update devlens_daily set " + String.join(" = ?, ", TOTALS.split(", "))
						+ " = ? where event_date = ? and developer_id = ? and repo_slug = ? and model = ?",
				List.copyOf(rows.entrySet()), 1000, DailyRollupRepository::set);
	}

	/** The stored latency sketches of these days and repositories, locked. */
	Map<LatencyKey, DDSketch> lockLatencies(Collection<LatencyKey> keys) {
		List<LatencyKey> sorted = keys.stream().sorted().toList();
		Map<LatencyKey, DDSketch> stored = new TreeMap<>();
		for (int from = 0; from < sorted.size(); from += Sql.CHUNK) {
			List<LatencyKey> chunk = sorted.subList(from, Math.min(sorted.size(), from + Sql.CHUNK));
			List<Object> args = new ArrayList<>();
			chunk.forEach((key) -> {
				args.add(key.eventDate());
				args.add(key.repoSlug());
			});
			this.jdbc
				.sql("select event_date, repo_slug, latency_sketch from devlens_daily_latency "
						+ "where (event_date, repo_slug) in (" + Sql.placeholders(chunk.size(), "(?, ?)")
						+ ") order by event_date, repo_slug for update")
				.params(args)
				.query((ResultSet rs) -> {
					DDSketch sketch = LatencySketch.empty();
					LatencySketch.mergeInto(sketch, rs.getBytes("latency_sketch"));
					stored.put(new LatencyKey(rs.getObject("event_date", LocalDate.class), rs.getString("repo_slug")),
							sketch);
				});
		}
		return stored;
	}

	void saveLatencies(Map<LatencyKey, DDSketch> sketches, boolean existing) {
		String sql = existing
				? "update devlens_daily_latency set latency_sketch = ? where event_date = ? and repo_slug = ?"
				: "insert into devlens_daily_latency (latency_sketch, event_date, repo_slug) values (?, ?, ?)";
		this.batch.batchUpdate(sql, List.copyOf(sketches.entrySet()), 1000, (ps, e) -> {
			ps.setBytes(1, LatencySketch.encode(e.getValue()));
			ps.setObject(2, e.getKey().eventDate());
			ps.setString(3, e.getKey().repoSlug());
		});
	}

	/**
	 * The totals per day and model of the rows that match, added up in the database.
	 * @param window the days and filters
	 * @return one row per day and model, in day order
	 */
	List<DayModelTotals> byDayAndModel(Window window) {
		StringBuilder sql = new StringBuilder("select event_date, model, " + SUMS + " from devlens_daily where 1 = 1");
		List<Object> args = filter(window, sql);
		sql.append(" group by event_date, model order by event_date, model");
		return this.jdbc.sql(sql.toString())
			.params(args)
			.query((rs, n) -> new DayModelTotals(rs.getObject("event_date", LocalDate.class), rs.getString("model"),
					rollup(rs)))
			.list();
	}

	/** The sessions per value of one dimension ({@code model} or {@code repo_slug}). */
	List<Counted> countBy(String dimension, Window window) {
		if (!dimension.equals("model") && !dimension.equals("repo_slug")) {
			throw new IllegalArgumentException(dimension);
		}
		StringBuilder sql = new StringBuilder(
				"select " + dimension + " as dim_value, sum(session_count) as n from devlens_daily where 1 = 1");
		List<Object> args = filter(window, sql);
		sql.append(" group by ").append(dimension).append(" order by n desc, dim_value");
		return this.jdbc.sql(sql.toString())
			.params(args)
			.query((rs, n) -> new Counted(rs.getString("dim_value"), rs.getLong("n")))
			.list();
	}

	/** The latency sketch of the matching days (and repository), merged. */
	DDSketch latency(Window window) {
		DDSketch merged = LatencySketch.empty();
		StringBuilder sql = new StringBuilder("select latency_sketch from devlens_daily_latency where 1 = 1");
		List<Object> args = filter(new Window(window.from(), window.to(), window.repo(), null, null), sql);
		this.jdbc.sql(sql.toString())
			.params(args)
			.query((ResultSet rs) -> LatencySketch.mergeInto(merged, rs.getBytes("latency_sketch")));
		return merged;
	}

	/** The sessions of the matching rows. */
	long countSessions(Window window) {
		StringBuilder sql = new StringBuilder("select coalesce(sum(session_count), 0) from devlens_daily where 1 = 1");
		List<Object> args = filter(window, sql);
		return this.jdbc.sql(sql.toString()).params(args).query(Long.class).single();
	}

	private static List<Object> filter(Window window, StringBuilder sql) {
		List<Object> args = new ArrayList<>();
		if (window.from() != null) {
			sql.append(" and event_date >= ?");
			args.add(window.from());
		}
		if (window.to() != null) {
			sql.append(" and event_date <= ?");
			args.add(window.to());
		}
		if (window.repo() != null) {
			sql.append(" and repo_slug = ?");
			args.add(window.repo());
		}
		if (window.developer() != null) {
			sql.append(" and developer_id = ?");
			args.add(window.developer());
		}
		if (window.model() != null) {
			sql.append(" and model = ?");
			args.add(window.model());
		}
		return args;
	}

	private static DailyRollup rollup(ResultSet rs) throws SQLException {
		DailyRollup r = new DailyRollup();
		r.sessions = rs.getLong("session_count");
		r.accepted = rs.getLong("accepted_count");
		r.errors = rs.getLong("error_count");
		r.tokensIn = rs.getLong("tokens_in");
		r.tokensOut = rs.getLong("tokens_out");
		r.totalTokens = rs.getLong("total_tokens");
		r.pricedCount = rs.getLong("priced_count");
		r.costUsd = rs.getBigDecimal("cost_usd");
		r.unpricedCount = rs.getLong("unpriced_count");
		r.unpricedTokens = rs.getLong("unpriced_tokens");
		r.latencySum = rs.getDouble("latency_sum");
		r.acceptedTokens = rs.getLong("accepted_tokens");
		r.acceptedLines = rs.getLong("accepted_lines");
		r.acceptedLinesSeen = rs.getLong("accepted_lines_seen");
		r.diffCount = rs.getLong("diff_count");
		r.diffSum = rs.getDouble("diff_sum");
		r.diffAbove = rs.getLong("diff_above");
		r.firstAt = Sql.instant(rs, "first_at");
		r.lastAt = Sql.instant(rs, "last_at");
		return r;
	}

	private static void set(PreparedStatement ps, Map.Entry<DailyKey, DailyRollup> entry) throws SQLException {
		DailyRollup r = entry.getValue();
		DailyKey key = entry.getKey();
		ps.setLong(1, r.sessions);
		ps.setLong(2, r.accepted);
		ps.setLong(3, r.errors);
		ps.setLong(4, r.tokensIn);
		ps.setLong(5, r.tokensOut);
		ps.setLong(6, r.totalTokens);
		ps.setLong(7, r.pricedCount);
		ps.setBigDecimal(8, r.costUsd);
		ps.setLong(9, r.unpricedCount);
		ps.setLong(10, r.unpricedTokens);
		ps.setDouble(11, r.latencySum);
		ps.setLong(12, r.acceptedTokens);
		ps.setLong(13, r.acceptedLines);
		ps.setLong(14, r.acceptedLinesSeen);
		ps.setLong(15, r.diffCount);
		ps.setDouble(16, r.diffSum);
		ps.setLong(17, r.diffAbove);
		ps.setObject(18, Sql.utc(r.firstAt));
		ps.setObject(19, Sql.utc(r.lastAt));
		ps.setObject(20, key.eventDate());
		ps.setString(21, key.developerId());
		ps.setString(22, key.repoSlug());
		ps.setString(23, key.model());
	}

	/** One day and repository's latency sketch. */
	record LatencyKey(LocalDate eventDate, String repoSlug) implements Comparable<LatencyKey> {

		@Override
		public int compareTo(LatencyKey other) {
			int byDay = this.eventDate.compareTo(other.eventDate);
			return (byDay != 0) ? byDay : this.repoSlug.compareTo(other.repoSlug);
		}

	}

	/** The totals of one day and model. */
	record DayModelTotals(LocalDate eventDate, String model, DailyRollup totals) {
	}

	/** A value and how many sessions have it. */
	record Counted(String value, long count) {
	}

	/**
	 * Which roll-up rows to read: days from and to (inclusive, {@code null} for open) and
	 * optional filters.
	 */
	record Window(@Nullable LocalDate from, @Nullable LocalDate to, @Nullable String repo, @Nullable String developer,
			@Nullable String model) {
	}

}
