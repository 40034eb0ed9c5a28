package io.costlens.providers;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.costlens.platform.Caches;

/**
 * Synced usage rows, unique per key, day and model: a sync upserts, so running it again
 * replaces rows and never adds duplicates.
 */
@Repository
class UsageRepository {

	private static final String FILTER = """
			where (cast(:user as uuid) is null or user_id = :user)
			  and (cast(:key as uuid) is null or api_key_id = :key)
			  and (cast(:model as varchar) is null or model = :model)
			  and (cast(:from as date) is null or usage_date >= :from)
			  and (cast(:to as date) is null or usage_date <= :to)""";

	private static final String SUMS = "coalesce(sum(requests_count), 0) as requests_count, "
			+ "coalesce(sum(tokens_input), 0) as tokens_input, coalesce(sum(tokens_output), 0) as tokens_output, "
			+ "coalesce(sum(cost), 0) as cost";

	private static final String UPSERT = """
			merge into usage_stats t
			using (values (cast(:key as uuid), cast(:date as date), cast(:model as varchar(255)), cast(:user as uuid),
			    cast(:requests as bigint), cast(:input as bigint), cast(:output as bigint),
			    cast(:cost as numeric(20, 8)), cast(:at as timestamp with time zone)))
			    as s (api_key_id, usage_date, model, user_id, requests_count, tokens_input, tokens_output, cost,
			    synced_at)
			on t.api_key_id = s.api_key_id and t.usage_date = s.usage_date and t.model = s.model
			when matched then update set requests_count = s.requests_count, tokens_input = s.tokens_input,
			    tokens_output = s.tokens_output, cost = s.cost, synced_at = s.synced_at
			when not matched then insert (api_key_id, usage_date, model, user_id, requests_count, tokens_input,
			    tokens_output, cost, synced_at)
			    values (s.api_key_id, s.usage_date, s.model, s.user_id, s.requests_count, s.tokens_input,
			    s.tokens_output, s.cost, s.synced_at)""";

	private final JdbcClient jdbc;

	/** The data set of the cached usage reads: every stored usage row. */
	static final String USAGE = "usage";

	private final Caches caches;

	UsageRepository(JdbcClient jdbc, ObjectProvider<Caches> caches) {
		this.caches = caches.getIfAvailable(Caches::none);
		this.jdbc = jdbc;
	}

	/** Inserts or replaces one row per (key, day, model). */
	void upsert(UUID keyId, UUID userId, List<DailyUsage> rows, Instant at) {
		this.caches.changed(USAGE);
		for (DailyUsage row : rows) {
			try {
				upsert(keyId, userId, row, at);
			}
			catch (DuplicateKeyException concurrentInsert) {
				upsert(keyId, userId, row, at);
			}
		}
	}

	private void upsert(UUID keyId, UUID userId, DailyUsage row, Instant at) {
		this.jdbc.sql(UPSERT)
			.param("key", keyId)
			.param("date", row.date())
			.param("model", row.model())
			.param("user", userId)
			.param("requests", row.requests())
			.param("input", row.tokensInput())
			.param("output", row.tokensOutput())
			.param("cost", row.cost())
			.param("at", at.atOffset(ZoneOffset.UTC))
			.update();
	}

	List<UsageStat> page(UsageFilter filter, long offset, int limit) {
		return filtered("select api_key_id, usage_date, model, requests_count, tokens_input, tokens_output, cost "
				+ "from usage_stats " + FILTER
				+ " order by usage_date desc, api_key_id, model limit :limit offset :offset", filter)
			.param("offset", offset)
			.param("limit", limit)
			.query(UsageRepository::stat)
			.list();
	}

	long count(UsageFilter filter) {
		return filtered("select count(*) from usage_stats " + FILTER, filter).query(Long.class).single();
	}

	UsageTotals total(UsageFilter filter) {
		return filtered("select " + SUMS + " from usage_stats " + FILTER, filter).query((rs, n) -> totals(rs, null))
			.single();
	}

	List<UsageTotals> byDay(UsageFilter filter) {
		return filtered("select usage_date, " + SUMS + " from usage_stats " + FILTER
				+ " group by usage_date order by usage_date", filter)
			.query((rs, n) -> totals(rs, rs.getObject("usage_date", LocalDate.class).toString()))
			.list();
	}

	List<UsageTotals> byModel(UsageFilter filter) {
		return filtered("select model, " + SUMS + " from usage_stats " + FILTER + " group by model order by model",
				filter)
			.query((rs, n) -> totals(rs, rs.getString("model")))
			.list();
	}

	/** Deletes up to {@code batch} rows from before {@code day}; returns how many. */
	int deleteBefore(LocalDate day, int batch) {
		this.caches.changed(USAGE);
		return this.jdbc.sql("""
				delete from usage_stats where (api_key_id, usage_date, model) in (
				    select api_key_id, usage_date, model from usage_stats where usage_date < :day
				    limit :batch)""").param("day", day).param("batch", batch).update();
	}

	int deleteOfKey(UUID keyId) {
		this.caches.changed(USAGE);
		return this.jdbc.sql("delete from usage_stats where api_key_id = :key").param("key", keyId).update();
	}

	private JdbcClient.StatementSpec filtered(String sql, UsageFilter filter) {
		return this.jdbc.sql(sql)
			.param("user", filter.userId())
			.param("key", filter.keyId())
			.param("model", filter.model())
			.param("from", filter.from())
			.param("to", filter.to());
	}

	private static UsageStat stat(ResultSet rs, int row) throws SQLException {
		return new UsageStat(rs.getObject("api_key_id", UUID.class), rs.getObject("usage_date", LocalDate.class),
				rs.getString("model"), nullableLong(rs, "requests_count"), nullableLong(rs, "tokens_input"),
				nullableLong(rs, "tokens_output"), rs.getBigDecimal("cost"));
	}

	private static UsageTotals totals(ResultSet rs, String group) throws SQLException {
		return new UsageTotals(group, rs.getLong("requests_count"), rs.getLong("tokens_input"),
				rs.getLong("tokens_output"), rs.getBigDecimal("cost"));
	}

	private static Long nullableLong(ResultSet rs, String column) throws SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : value;
	}

}
