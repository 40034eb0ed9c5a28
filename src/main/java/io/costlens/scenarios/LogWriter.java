package io.costlens.scenarios;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import io.costlens.platform.GroupCommitter;

/**
 * Writes one batch of logs in one transaction: the {@code total_requests} of each
 * scenario (only while it is running: the row lock orders this against a concurrent
 * stop), the log rows as one JDBC batch, and one upsert per touched (scenario, hour)
 * roll-up. Answers per log whether it was stored.
 */
class LogWriter implements GroupCommitter.BatchWriter<StoredLog, Boolean> {

	private static final String COUNT = """
			update scenarios set total_requests = total_requests + ? where id = ? and status = 'running'""";

	private static final String INSERT = """
			insert into scenario_logs (id, scenario_id, received_at, message_hash, message_preview, source,
			    size_bytes, has_pii, pii_types, token_count, sqs_blocks)
			values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

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
	public List<Boolean> write(List<StoredLog> logs) {
		return this.transactions.execute((status) -> writeInTransaction(logs));
	}

	private List<Boolean> writeInTransaction(List<StoredLog> logs) {
		Set<UUID> refused = countRequests(logs);
		List<StoredLog> accepted = logs.stream().filter((l) -> !refused.contains(l.scenarioId())).toList();
		if (!accepted.isEmpty()) {
			this.jdbc.batchUpdate(INSERT, accepted.stream().map(LogWriter::row).toList());
			this.jdbc.batchUpdate(ROLLUP, rollups(accepted));
		}
		return logs.stream().map((l) -> !refused.contains(l.scenarioId())).toList();
	}

	/**
	 * Adds each scenario's logs to its total; returns the scenarios that are not running.
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

	private static List<Object[]> rollups(List<StoredLog> logs) {
		Map<String, long[]> buckets = new TreeMap<>();
		Map<String, Object[]> keys = new TreeMap<>();
		for (StoredLog log : logs) {
			Instant hour = log.receivedAt().truncatedTo(ChronoUnit.HOURS);
			String key = log.scenarioId() + "/" + hour;
			keys.putIfAbsent(key, new Object[] { log.scenarioId(), ScenarioRepository.utc(hour) });
			long[] sums = buckets.computeIfAbsent(key, (k) -> new long[5]);
			sums[0]++;
			sums[1] += log.sizeBytes();
			sums[2] += log.tokenCount();
			sums[3] += log.sqsBlocks();
			sums[4] += log.hasPii() ? 1 : 0;
		}
		List<Object[]> rows = new ArrayList<>();
		buckets.forEach((key, s) -> rows
			.add(new Object[] { keys.get(key)[0], keys.get(key)[1], s[0], s[1], s[2], s[3], s[4] }));
		return rows;
	}

	private static Object[] row(StoredLog l) {
		return new Object[] { l.id(), l.scenarioId(), ScenarioRepository.utc(l.receivedAt()), l.messageHash(),
				l.messagePreview(), l.source(), l.sizeBytes(), l.hasPii(), String.join(",", l.piiTypes()),
				l.tokenCount(), l.sqsBlocks() };
	}

}
