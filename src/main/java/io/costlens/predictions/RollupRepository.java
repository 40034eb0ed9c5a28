package io.costlens.predictions;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.costlens.predictions.BucketKey.Span;

import static io.costlens.platform.DatabaseTime.instant;
import static io.costlens.platform.DatabaseTime.utc;

/** The hourly and daily per-model roll-ups of the predictions. */
@Repository
class RollupRepository {

	/** Keys per locking query: three parameters each, well under every driver's limit. */
	private static final int KEYS_PER_QUERY = 500;

	private static final String TOTALS = "request_count, success_count, duration_sum, duration_min, duration_max, "
			+ "first_at, last_at, duration_sketch";

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	RollupRepository(JdbcClient jdbc, JdbcTemplate batch) {
		this.jdbc = jdbc;
		this.batch = batch;
	}

	/**
	 * Reads the stored buckets among {@code keys} and locks them until the transaction
	 * ends, in key order (so two writers never wait on each other in a circle).
	 * @param keys the buckets a write touches
	 * @return the ones that exist
	 */
	Map<BucketKey, Bucket> lock(Collection<BucketKey> keys) {
		List<BucketKey> sorted = keys.stream().sorted().toList();
		Map<BucketKey, Bucket> stored = new TreeMap<>();
		for (int from = 0; from < sorted.size(); from += KEYS_PER_QUERY) {
			List<BucketKey> chunk = sorted.subList(from, Math.min(sorted.size(), from + KEYS_PER_QUERY));
			List<Object> args = new ArrayList<>();
			chunk.forEach((key) -> {
				args.add(key.modelName());
				args.add(key.span().column());
				args.add(utc(key.start()));
			});
			this.jdbc
				.sql("select model_name, bucket_span, bucket_start, " + TOTALS
						+ " from prediction_rollups where (model_name, bucket_span, bucket_start) in ("
						+ String.join(", ", Collections.nCopies(chunk.size(), "(?, ?, ?)"))
						+ ") order by model_name, bucket_span, bucket_start for update")
				.params(args)
				.query((ResultSet rs) -> {
					stored.put(new BucketKey(rs.getString("model_name"), Span.of(rs.getString("bucket_span")),
							instant(rs, "bucket_start")), bucket(rs));
				});
		}
		return stored;
	}

	void insert(Map<BucketKey, Bucket> buckets) {
		this.batch.batchUpdate(
				"insert into prediction_rollups (" + TOTALS
						+ ", model_name, bucket_span, bucket_start) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
				List.copyOf(buckets.entrySet()), buckets.size(), RollupRepository::set);
	}

	void update(Map<BucketKey, Bucket> buckets) {
		this.batch.batchUpdate("""
				update prediction_rollups set request_count = ?, success_count = ?, duration_sum = ?,
				       duration_min = ?, duration_max = ?, first_at = ?, last_at = ?, duration_sketch = ?
				where model_name = ? and bucket_span = ? and bucket_start = ?""", List.copyOf(buckets.entrySet()),
				buckets.size(), RollupRepository::set);
	}

	void delete(BucketKey key) {
		this.jdbc.sql("""
				delete from prediction_rollups
				where model_name = :model and bucket_span = :span and bucket_start = :start""")
			.param("model", key.modelName())
			.param("span", key.span().column())
			.param("start", utc(key.start()))
			.update();
	}

	/**
	 * Saves a bucket that was read and changed, or deletes it when it became empty.
	 * @param key the bucket
	 * @param bucket its new content
	 */
	void save(BucketKey key, Bucket bucket) {
		if (bucket.isEmpty()) {
			delete(key);
		}
		else {
			update(Map.of(key, bucket));
		}
	}

	/**
	 * Adds up one model's buckets of one span that start in [from, until), without
	 * reading a single prediction.
	 * @param modelName the model
	 * @param span which buckets
	 * @param from the start of the first bucket, or {@code null} for no lower bound
	 * @param until the end, or {@code null} for no upper bound
	 * @return the sum of the buckets
	 */
	Bucket total(String modelName, Span span, @Nullable Instant from, @Nullable Instant until) {
		Bucket total = Bucket.empty();
		List<Object> args = new ArrayList<>(List.of(modelName, span.column()));
		StringBuilder sql = new StringBuilder(
				"select " + TOTALS + " from prediction_rollups where model_name = ? and bucket_span = ?");
		if (from != null) {
			sql.append(" and bucket_start >= ?");
			args.add(utc(from));
		}
		if (until != null) {
			sql.append(" and bucket_start < ?");
			args.add(utc(until));
		}
		this.jdbc.sql(sql.toString()).params(args).query((ResultSet rs) -> {
			total.merge(rs.getLong("request_count"), rs.getLong("success_count"), rs.getLong("duration_sum"),
					rs.getInt("duration_min"), rs.getInt("duration_max"), instant(rs, "first_at"),
					instant(rs, "last_at"), rs.getBytes("duration_sketch"));
		});
		return total;
	}

	List<ModelSummary> models() {
		return this.jdbc.sql("""
				select model_name, sum(request_count) as total, sum(success_count) as successes,
				       min(first_at) as first_at, max(last_at) as last_at
				from prediction_rollups where bucket_span = 'day' group by model_name order by model_name""")
			.query((rs, n) -> new ModelSummary(rs.getString("model_name"), rs.getLong("total"), rs.getLong("successes"),
					rs.getLong("total") - rs.getLong("successes"), instant(rs, "first_at"), instant(rs, "last_at")))
			.list();
	}

	private static Bucket bucket(ResultSet rs) throws SQLException {
		return Bucket.stored(rs.getLong("request_count"), rs.getLong("success_count"), rs.getLong("duration_sum"),
				rs.getInt("duration_min"), rs.getInt("duration_max"), instant(rs, "first_at"), instant(rs, "last_at"),
				rs.getBytes("duration_sketch"));
	}

	private static void set(PreparedStatement ps, Map.Entry<BucketKey, Bucket> entry) throws SQLException {
		Bucket bucket = entry.getValue();
		ps.setLong(1, bucket.count());
		ps.setLong(2, bucket.successes());
		ps.setLong(3, bucket.durationSum());
		ps.setInt(4, bucket.min());
		ps.setInt(5, bucket.max());
		ps.setObject(6, utc(bucket.firstAt()));
		ps.setObject(7, utc(bucket.lastAt()));
		ps.setBytes(8, bucket.encodedSketch());
		ps.setString(9, entry.getKey().modelName());
		ps.setString(10, entry.getKey().span().column());
		ps.setObject(11, utc(entry.getKey().start()));
	}

}
