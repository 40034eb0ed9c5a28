package io.costlens.predictions;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.costlens.platform.BulkInsert;

import static io.costlens.platform.DatabaseTime.instant;
import static io.costlens.platform.DatabaseTime.utc;

/** The predictions table. */
@Repository
class PredictionRepository {

	private static final String COLUMNS = "id, model_name, duration_ms, was_successful, predicted_at";

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	PredictionRepository(JdbcClient jdbc, JdbcTemplate batch) {
		this.jdbc = jdbc;
		this.batch = batch;
	}

	/**
	 * Takes values from the id sequence, each the start of a block of
	 * {@link IdBlocks#BLOCK} ids.
	 * @param count how many blocks
	 * @return the block starts, lowest first
	 */
	List<Long> nextBlocks(int count) {
		return this.jdbc.sql("select nextval('prediction_ids') as id from generate_series(1, :count)")
			.param("count", count)
			.query(Long.class)
			.list()
			.stream()
			.sorted()
			.toList();
	}

	/**
	 * Inserts rows that have their ids: with COPY on PostgreSQL, as a JDBC batch
	 * elsewhere.
	 */
	void insertAll(List<Prediction> predictions) {
		BulkInsert.insertAll(this.batch, "predictions", COLUMNS, predictions,
				(p) -> new Object[] { p.id(), p.modelName(), p.durationMs(), p.wasSuccessful(), p.timestamp() });
	}

	Optional<Prediction> find(long id) {
		return this.jdbc.sql("select " + COLUMNS + " from predictions where id = :id")
			.param("id", id)
			.query(PredictionRepository::map)
			.optional();
	}

	boolean delete(long id) {
		return this.jdbc.sql("delete from predictions where id = :id").param("id", id).update() == 1;
	}

	List<Prediction> list(PredictionFilter filter) {
		Where where = Where.of(filter);
		return this.jdbc
			.sql("select " + COLUMNS + " from predictions" + where.sql()
					+ " order by predicted_at desc, id desc limit ? offset ?")
			.params(where.argsAnd(filter.limit(), filter.offset()))
			.query(PredictionRepository::map)
			.list();
	}

	long count(PredictionFilter filter) {
		Where where = Where.of(filter);
		return this.jdbc.sql("select count(*) from predictions" + where.sql())
			.params(where.args())
			.query(Long.class)
			.single();
	}

	/**
	 * The extremes of a bucket's rows (after a delete took one away).
	 * @return the extremes, or empty when the bucket has no rows
	 */
	Optional<Extremes> extremes(BucketKey key) {
		return this.jdbc.sql("""
				select min(duration_ms) as min_ms, max(duration_ms) as max_ms,
				       min(predicted_at) as first_at, max(predicted_at) as last_at
				from predictions where model_name = :model and predicted_at >= :start and predicted_at < :end""")
			.param("model", key.modelName())
			.param("start", utc(key.start()))
			.param("end", utc(key.end()))
			.query((rs, n) -> (rs.getObject("min_ms") == null) ? Optional.<Extremes>empty()
					: Optional.of(new Extremes(rs.getInt("min_ms"), rs.getInt("max_ms"), instant(rs, "first_at"),
							instant(rs, "last_at"))))
			.single();
	}

	private static Prediction map(ResultSet rs, int row) throws SQLException {
		return new Prediction(rs.getLong("id"), rs.getString("model_name"), rs.getInt("duration_ms"),
				rs.getBoolean("was_successful"), instant(rs, "predicted_at"));
	}

	/**
	 * The smallest and largest duration and time of a set of rows.
	 *
	 * @param min the shortest duration
	 * @param max the longest duration
	 * @param firstAt the earliest time
	 * @param lastAt the latest time
	 */
	record Extremes(int min, int max, Instant firstAt, Instant lastAt) {
	}

	/** The where clause of a filter, with positional arguments. */
	private record Where(String sql, List<Object> args) {

		static Where of(PredictionFilter filter) {
			List<String> conditions = new ArrayList<>();
			List<Object> args = new ArrayList<>();
			add(conditions, args, "model_name = ?", filter.modelName());
			add(conditions, args, "predicted_at >= ?", utc(filter.from()));
			add(conditions, args, "predicted_at < ?", utc(filter.until()));
			return new Where(conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions), args);
		}

		private static void add(List<String> conditions, List<Object> args, String condition, @Nullable Object value) {
			if (value != null) {
				conditions.add(condition);
				args.add(value);
			}
		}

		List<Object> argsAnd(Object... more) {
			List<Object> all = new ArrayList<>(this.args);
			all.addAll(List.of(more));
			return all;
		}

	}

}
