package io.costlens.scenarios.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.costlens.scenarios.StoredLog;

/** Reads stored logs, newest first. */
@Repository
public class LogRepository {

	private static final String FILTER = """
			where scenario_id = :id
			  and (cast(:pii as boolean) is null or has_pii = :pii)
			  and (cast(:source as varchar) is null or source = :source)""";

	private final JdbcClient jdbc;

	LogRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<StoredLog> find(UUID scenarioId, @Nullable Boolean hasPii, @Nullable String source, int offset,
			int limit) {
		return filtered("select * from scenario_logs " + FILTER + " order by received_at desc, id desc offset " + offset
				+ " rows fetch next " + limit + " rows only", scenarioId, hasPii, source)
			.query(LogRepository::map)
			.list();
	}

	public long count(UUID scenarioId, @Nullable Boolean hasPii, @Nullable String source) {
		return filtered("select count(*) from scenario_logs " + FILTER, scenarioId, hasPii, source).query(Long.class)
			.single();
	}

	/**
	 * Hands every log of the scenario to {@code action}, oldest first, fetched in batches
	 * of {@code fetchSize} so that no more are held at once (inside a transaction, which
	 * PostgreSQL needs to stream).
	 */
	public long forEachOldestFirst(UUID scenarioId, int limit, int fetchSize, Consumer<StoredLog> action) {
		long[] seen = { 0 };
		this.jdbc
			.sql("select * from scenario_logs where scenario_id = :id order by received_at, id fetch first " + limit
					+ " rows only")
			.withFetchSize(fetchSize)
			.param("id", scenarioId)
			.query((ResultSet rs) -> {
				action.accept(map(rs, (int) seen[0]));
				seen[0]++;
			});
		return seen[0];
	}

	private JdbcClient.StatementSpec filtered(String sql, UUID scenarioId, @Nullable Boolean hasPii,
			@Nullable String source) {
		return this.jdbc.sql(sql).param("id", scenarioId).param("pii", hasPii).param("source", source);
	}

	private static StoredLog map(ResultSet rs, int row) throws SQLException {
		String types = rs.getString("pii_types");
		return new StoredLog(rs.getObject("id", UUID.class), rs.getObject("scenario_id", UUID.class),
				rs.getObject("received_at", OffsetDateTime.class).toInstant(), rs.getString("message_hash"),
				rs.getString("message_preview"), rs.getString("source"), rs.getLong("size_bytes"),
				rs.getBoolean("has_pii"), types.isEmpty() ? List.of() : Arrays.asList(types.split(",")),
				rs.getInt("token_count"), rs.getInt("sqs_blocks"));
	}

}
