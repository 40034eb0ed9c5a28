package io.costlens.devlens;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.costlens.devlens.DailyRollupRepository.Window;

/**
 * Pages of sessions in any of the four orders. The total count comes from the daily
 * roll-ups for the whole days of the range and from the sessions only for the partial
 * first and last day, so it does not scan a million rows.
 */
@Repository
class SessionList {

	private final JdbcClient jdbc;

	private final DailyRollupRepository rollups;

	SessionList(JdbcClient jdbc, DailyRollupRepository rollups) {
		this.jdbc = jdbc;
		this.rollups = rollups;
	}

	List<Session> page(SessionQuery query) {
		List<Object> args = new ArrayList<>();
		String where = where(query, query.start(), query.end(), args);
		String direction = query.descending() ? " desc" : " asc";
		String nulls = query.sortBy().equals("cost") ? " nulls last" : "";
		args.add(query.offset());
		args.add(query.pageSize());
		return this.jdbc
			.sql("select " + SessionRepository.COLUMNS + " from devlens_sessions" + where + " order by "
					+ query.sortColumn() + direction + nulls + ", trace_hash" + direction
					+ " offset ? rows fetch next ? rows only")
			.params(args)
			.query(SessionRepository::map)
			.list();
	}

	long count(SessionQuery query) {
		Instant start = query.start();
		Instant end = query.end();
		LocalDate firstFull = (start == null) ? null : nextMidnight(start);
		LocalDate endDay = (end == null) ? null : end.atOffset(ZoneOffset.UTC).toLocalDate();
		if (firstFull != null && endDay != null && !firstFull.isBefore(endDay)) {
			return countSessions(query, start, end);
		}
		long total = this.rollups.countSessions(new Window(firstFull, (endDay != null) ? endDay.minusDays(1) : null,
				query.repo(), query.developerId(), query.model()));
		if (start != null && !firstFull.atStartOfDay(ZoneOffset.UTC).toInstant().equals(start)) {
			total += countSessions(query, start, firstFull.atStartOfDay(ZoneOffset.UTC).toInstant());
		}
		if (end != null && !endDay.atStartOfDay(ZoneOffset.UTC).toInstant().equals(end)) {
			total += countSessions(query, endDay.atStartOfDay(ZoneOffset.UTC).toInstant(), end);
		}
		return total;
	}

	Optional<Session> first(String sessionId) {
		return this.jdbc
			.sql("select " + SessionRepository.COLUMNS + " from devlens_sessions where session_id = :id "
					+ "order by started_at, trace_hash fetch first 1 rows only")
			.param("id", sessionId)
			.query(SessionRepository::map)
			.optional();
	}

	private long countSessions(SessionQuery query, @Nullable Instant from, @Nullable Instant to) {
		List<Object> args = new ArrayList<>();
		return this.jdbc.sql("select count(*) from devlens_sessions" + where(query, from, to, args))
			.params(args)
			.query(Long.class)
			.single();
	}

	private static LocalDate nextMidnight(Instant start) {
		LocalDate day = start.atOffset(ZoneOffset.UTC).toLocalDate();
		return day.atStartOfDay(ZoneOffset.UTC).toInstant().equals(start) ? day : day.plusDays(1);
	}

	private static String where(SessionQuery query, @Nullable Instant from, @Nullable Instant to, List<Object> args) {
		StringBuilder sql = new StringBuilder(" where 1 = 1");
		if (query.developerId() != null) {
			sql.append(" and developer_id = ?");
			args.add(query.developerId());
		}
		if (query.model() != null) {
			sql.append(" and model = ?");
			args.add(query.model());
		}
		if (query.repo() != null) {
			sql.append(" and repo_slug = ?");
			args.add(query.repo());
		}
		if (from != null) {
			sql.append(" and started_at >= ?");
			args.add(Sql.utc(from));
		}
		if (to != null) {
			sql.append(" and started_at < ?");
			args.add(Sql.utc(to));
		}
		return sql.toString();
	}

}
