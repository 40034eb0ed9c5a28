package io.costlens.scenarios;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static io.costlens.platform.DatabaseTime.instant;

/** Reads stored logs. */
@Repository
class LogRepository {

	private static final String FILTER = """
			where scenario_id = :id
			  and (cast(:pii as boolean) is null or has_pii = :pii)
			  and (cast(:source as varchar) is null or source = :source)""";

	private static final int FETCH_SIZE = 1000;

	private final JdbcClient jdbc;

	LogRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<StoredLog> find(UUID scenarioId, @Nullable Boolean hasPii, @Nullable String source, long offset, int limit) {
		return filtered("select * from scenario_logs " + FILTER + " order by received_at desc, id desc offset " + offset
				+ " rows fetch next " + limit + " rows only", scenarioId, hasPii, source)
			.query(LogRepository::map)
			.list();
	}

	long count(UUID scenarioId, @Nullable Boolean hasPii, @Nullable String source) {
		return filtered("select count(*) from scenario_logs " + FILTER, scenarioId, hasPii, source).query(Long.class)
			.single();
	}

	/**
	 * Every log of the scenario, oldest first, fetched {@value #FETCH_SIZE} rows at a
	 * time.
	 */
	void forEach(UUID scenarioId, Consumer<StoredLog> action) {
		this.jdbc.sql("select * from scenario_logs where scenario_id = :id order by received_at, id")
			.param("id", scenarioId)
			.withFetchSize(FETCH_SIZE)
			.query((ResultSet rs) -> action.accept(map(rs, 0)));
	}

	/** The first {@code limit} logs of the scenario, oldest first. */
	List<StoredLog> oldest(UUID scenarioId, int limit) {
		return this.jdbc
			.sql("select * from scenario_logs where scenario_id = :id order by received_at, id fetch first " + limit
					+ " rows only")
			.param("id", scenarioId)
			.query(LogRepository::map)
			.list();
	}

	private JdbcClient.StatementSpec filtered(String sql, UUID scenarioId, @Nullable Boolean hasPii,
			@Nullable String source) {
		return this.jdbc.sql(sql).param("id", scenarioId).param("pii", hasPii).param("source", source);
	}

	private static StoredLog map(ResultSet rs, int row) throws SQLException {
		String types = rs.getString("pii_types");
		return new StoredLog(rs.getObject("id", UUID.class), rs.getObject("scenario_id", UUID.class),
				instant(rs, "received_at"), rs.getString("message_hash"), rs.getString("message_preview"),
				rs.getString("source"), rs.getLong("size_bytes"), rs.getBoolean("has_pii"),
				types.isEmpty() ? List.of() : Arrays.asList(types.split(",")), rs.getInt("token_count"),
				rs.getInt("sqs_blocks"));
	}

}
