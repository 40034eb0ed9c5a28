package io.costlens.scenarios;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static io.costlens.platform.DatabaseTime.instant;
import static io.costlens.platform.DatabaseTime.utc;

/** Scenario rows; their logs and roll-ups go with them on delete. */
@Repository
class ScenarioRepository {

	private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
	};

	/**
	 * Between the name, description and tags in {@code search_text}, so that no search
	 * matches across two of them.
	 */
	private static final char SEPARATOR = 31;

	private final JdbcClient jdbc;

	private final JsonMapper json;

	ScenarioRepository(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	void insert(Scenario s) {
		this.jdbc.sql("""
				insert into scenarios (id, name, description, region, status, tags, total_requests,
				    lambda_batch_size, lambda_memory_mb, lambda_duration_ms, bedrock_model, output_tokens_ratio,
				    created_at, updated_at, started_at, completed_at)
				values (:id, :name, :description, :region, :status, :tags, :totalRequests, :batchSize, :memoryMb,
				    :durationMs, :model, :ratio, :createdAt, :updatedAt, :startedAt, :completedAt)""")
			.paramSource(params(s))
			.update();
	}

	/**
	 * Writes every column but {@code total_requests}, which only the log writer changes.
	 */
	boolean update(Scenario s, ScenarioStatus expectedStatus) {
		return this.jdbc.sql("""
				update scenarios set name = :name, description = :description, region = :region, status = :status,
				    tags = :tags, lambda_batch_size = :batchSize, lambda_memory_mb = :memoryMb,
				    lambda_duration_ms = :durationMs, bedrock_model = :model, output_tokens_ratio = :ratio,
				    updated_at = :updatedAt, started_at = :startedAt, completed_at = :completedAt
				where id = :id and status = :expectedStatus""")
			.paramSource(params(s).addValue("expectedStatus", expectedStatus.value()))
			.update() == 1;
	}

	Optional<Scenario> findById(UUID id) {
		return this.jdbc.sql("select * from scenarios where id = :id").param("id", id).query(this::map).optional();
	}

	Optional<ScenarioStatus> findStatus(UUID id) {
		return this.jdbc.sql("select status from scenarios where id = :id")
			.param("id", id)
			.query((rs, n) -> ScenarioStatus.of(rs.getString(1)))
			.optional();
	}

	/**
	 * A page in the list's order: the ids from the {@code (created_at desc, id)} index,
	 * then only their rows, however deep the page.
	 */
	List<Scenario> find(ScenarioFilter filter, long offset, int limit) {
		return filtered("select s.* from scenarios s join (select id, created_at from scenarios " + where(filter)
				+ " order by created_at desc, id offset " + offset + " rows fetch next " + limit
				+ " rows only) p on p.id = s.id order by p.created_at desc, p.id", filter)
			.query(this::map)
			.list();
	}

	long count(ScenarioFilter filter) {
		return filtered("select count(*) from scenarios " + where(filter), filter).query(Long.class).single();
	}

	/**
	 * Only the conditions the filter sets, so that the database plans each for what it
	 * is.
	 */
	private static String where(ScenarioFilter filter) {
		List<String> conditions = new ArrayList<>();
		if (filter.status() != null) {
			conditions.add("status = :status");
		}
		if (filter.region() != null) {
			conditions.add("region = :region");
		}
		if (filter.text() != null) {
			conditions.add("search_text like :q escape '!'");
		}
		return conditions.isEmpty() ? "" : "where " + String.join(" and ", conditions);
	}

	boolean nameTaken(String name, @Nullable UUID except) {
		return this.jdbc.sql("select count(*) from scenarios where name = :name and id <> :except")
			.param("name", name)
			.param("except", (except != null) ? except : new UUID(0, 0))
			.query(Long.class)
			.single() > 0;
	}

	void delete(UUID id) {
		this.jdbc.sql("delete from scenario_rollups where scenario_id = :id").param("id", id).update();
		this.jdbc.sql("delete from scenario_logs where scenario_id = :id").param("id", id).update();
		this.jdbc.sql("delete from scenarios where id = :id").param("id", id).update();
	}

	private JdbcClient.StatementSpec filtered(String sql, ScenarioFilter filter) {
		JdbcClient.StatementSpec statement = this.jdbc.sql(sql);
		if (filter.status() != null) {
			statement = statement.param("status", filter.status().value());
		}
		if (filter.region() != null) {
			statement = statement.param("region", filter.region());
		}
		if (filter.text() != null) {
			statement = statement.param("q", "%" + likeLiteral(filter.text().toLowerCase(Locale.ROOT)) + "%");
		}
		return statement;
	}

	/**
	 * The text as a literal inside a {@code like … escape '!'} pattern: {@code %} and
	 * {@code _} match themselves. Quotes are dropped, so a search never matches the JSON
	 * the tags are stored in.
	 */
	static String likeLiteral(String text) {
		return text.replace("\"", "")
			.replace(String.valueOf(SEPARATOR), "")
			.replace("!", "!!")
			.replace("%", "!%")
			.replace("_", "!_");
	}

	private MapSqlParameterSource params(Scenario s) {
		CostModel cost = s.costModel();
		return new MapSqlParameterSource().addValue("id", s.id())
			.addValue("name", s.name())
			.addValue("description", s.description())
			.addValue("region", s.region())
			.addValue("status", s.status().value())
			.addValue("tags", this.json.writeValueAsString(s.tags()))
			.addValue("totalRequests", s.totalRequests())
			.addValue("batchSize", cost.lambdaBatchSize())
			.addValue("memoryMb", cost.lambdaMemoryMb())
			.addValue("durationMs", cost.lambdaDurationMs())
			.addValue("model", cost.bedrockModel())
			.addValue("ratio", cost.outputTokensRatio())
			.addValue("createdAt", utc(s.createdAt()))
			.addValue("updatedAt", utc(s.updatedAt()))
			.addValue("startedAt", utc(s.startedAt()))
			.addValue("completedAt", utc(s.completedAt()));
	}

	private Scenario map(ResultSet rs, int row) throws SQLException {
		CostModel cost = new CostModel(rs.getInt("lambda_batch_size"), rs.getInt("lambda_memory_mb"),
				rs.getInt("lambda_duration_ms"), rs.getString("bedrock_model"),
				rs.getBigDecimal("output_tokens_ratio").stripTrailingZeros());
		return new Scenario(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("description"),
				rs.getString("region"), ScenarioStatus.of(rs.getString("status")),
				this.json.readValue(rs.getString("tags"), STRINGS), rs.getLong("total_requests"), cost,
				instant(rs, "created_at"), instant(rs, "updated_at"), instant(rs, "started_at"),
				instant(rs, "completed_at"));
	}

}
