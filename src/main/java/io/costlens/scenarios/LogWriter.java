package io.costlens.scenarios;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import io.costlens.platform.BulkInsert;
import io.costlens.platform.GroupCommitter;

import static io.costlens.platform.DatabaseTime.utc;

/**
 * Writes one batch of logs in one transaction: the {@code total_requests} of each
 * scenario (only while it is running: the row lock orders this against a concurrent
 * stop), the log rows in one COPY (a JDBC batch on H2), and one upsert per touched
 * (scenario, hour) roll-up. Answers per log what became of it.
 */
class LogWriter implements GroupCommitter.BatchWriter<StoredLog, LogWriter.Outcome> {

	private static final String COUNT = """
			update scenarios set total_requests = total_requests + ? where id = ? and status = 'running'""";

	private static final String COLUMNS = "id, scenario_id, received_at, message_hash, message_preview, source, "
			+ "size_bytes, has_pii, pii_types, token_count, sqs_blocks";

	private static final String ROLLUP = """
			merge into scenario_rollups r
			using (values (cast(? as uuid), cast(? as timestamp with time zone), cast(? as bigint),
			    cast(? as bigint), cast(? as bigint), cast(? as bigint), cast(? as bigint)))
			    as s (scenario_id, bucket_start, requests, total_bytes, tokens, sqs_blocks, pii_count)
			on r.scenario_id = s.scenario_id and r.bucket_start = s.bucket_start
			when matched then update set requests = r.requests + s.requests,
			    total_bytes = r.total_bytes + s.total_bytes, tokens = r.tokens + s.tokens,
			    sqs_blocks = r.sqs_blocks + s.sqs_blocks, pii_count = r.pii_count + s.pii_count
			when not matched then insert (scenario_id, bucket_start, requests, total_bytes, tokens, sqs_blocks,
			    pii_count)
			    values (s.scenario_id, s.bucket_start, s.requests, s.total_bytes, s.tokens, s.sqs_blocks,
			    s.pii_count)""";

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	LogWriter(JdbcTemplate jdbc, TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.transactions = transactions;
	}

	@Override
	public List<Outcome> write(List<StoredLog> logs) {
		return this.transactions.execute((status) -> writeInTransaction(logs));
	}

	private List<Outcome> writeInTransaction(List<StoredLog> logs) {
		Set<UUID> refused = countRequests(logs);
		List<StoredLog> accepted = logs.stream().filter((l) -> !refused.contains(l.scenarioId())).toList();
		if (!accepted.isEmpty()) {
			BulkInsert.insertAll(this.jdbc, "scenario_logs", COLUMNS, accepted, LogWriter::row);
			this.jdbc.batchUpdate(ROLLUP, rollups(accepted));
		}
		return logs.stream()
			.map((l) -> refused.contains(l.scenarioId()) ? Outcome.SCENARIO_NOT_RUNNING : Outcome.STORED)
			.toList();
	}

	/**
	 * Adds each scenario's logs to its total; returns the scenarios that are not running.
	 * Scenarios are updated in id order, for the reason roll-ups are.
	 */
	private Set<UUID> countRequests(List<StoredLog> logs) {
		Map<UUID, Long> counts = new TreeMap<>();
		logs.forEach((l) -> counts.merge(l.scenarioId(), 1L, Long::sum));
		List<Object[]> args = counts.entrySet().stream().map((e) -> new Object[] { e.getValue(), e.getKey() }).toList();
		int[] updated = this.jdbc.batchUpdate(COUNT, args);
		Set<UUID> refused = new HashSet<>();
		int i = 0;
		for (UUID id : counts.keySet()) {
			if (updated[i++] == 0) {
				refused.add(id);
			}
		}
		return refused;
	}

	/**
	 * One upsert per touched (scenario, hour), in that order: every writer (on every
	 * instance) locks roll-up rows in the same order, so two of them never deadlock.
	 */
	private static List<Object[]> rollups(List<StoredLog> logs) {
		Map<RollupKey, RollupDelta> rows = new TreeMap<>();
		logs.forEach((log) -> rows.merge(RollupKey.of(log), RollupDelta.of(log), RollupDelta::plus));
		return rows.entrySet().stream().map((row) -> row.getValue().args(row.getKey())).toList();
	}

	private static Object[] row(StoredLog l) {
		return new Object[] { l.id(), l.scenarioId(), l.receivedAt(), l.messageHash(), l.messagePreview(), l.source(),
				l.sizeBytes(), l.hasPii(), String.join(",", l.piiTypes()), l.tokenCount(), l.sqsBlocks() };
	}

	/** What became of one log of a batch. */
	enum Outcome {

		/** Stored, and counted in its scenario's total and roll-up. */
		STORED,

		/** Refused: its scenario stopped (or was deleted) before the batch committed. */
		SCENARIO_NOT_RUNNING

	}

	/** The roll-up row a log adds to: its scenario's hour. */
	private record RollupKey(UUID scenarioId, Instant hour) implements Comparable<RollupKey> {

		private static final Comparator<RollupKey> ORDER = Comparator.comparing(RollupKey::scenarioId)
			.thenComparing(RollupKey::hour);

		static RollupKey of(StoredLog log) {
			return new RollupKey(log.scenarioId(), log.receivedAt().truncatedTo(ChronoUnit.HOURS));
		}

		@Override
		public int compareTo(RollupKey other) {
			return ORDER.compare(this, other);
		}

	}

	/** What a batch adds to one roll-up row. */
	private record RollupDelta(long requests, long bytes, long tokens, long sqsBlocks, long piiCount) {

		static RollupDelta of(StoredLog log) {
			return new RollupDelta(1, log.sizeBytes(), log.tokenCount(), log.sqsBlocks(), log.hasPii() ? 1 : 0);
		}

		RollupDelta plus(RollupDelta other) {
			return new RollupDelta(this.requests + other.requests, this.bytes + other.bytes, this.tokens + other.tokens,
					this.sqsBlocks + other.sqsBlocks, this.piiCount + other.piiCount);
		}

		/** The parameters of the {@code ROLLUP} upsert, in its order. */
		Object[] args(RollupKey key) {
			return new Object[] { key.scenarioId(), utc(key.hour()), this.requests, this.bytes, this.tokens,
					this.sqsBlocks, this.piiCount };
		}

	}

}
