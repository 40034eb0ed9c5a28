package io.costlens.scenarios;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads the hourly roll-ups the log writer maintains. */
@Repository
class ScenarioRollupRepository {

	private final JdbcClient jdbc;

	ScenarioRollupRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The scenario's hours that start in {@code [from, to)}, oldest first. */
	List<HourlyRollup> find(UUID scenarioId, Instant from, Instant to) {
		return this.jdbc.sql("""
				select bucket_start, requests, total_bytes, tokens, sqs_blocks, pii_count from scenario_rollups
				where scenario_id = :id and bucket_start >= :from and bucket_start < :to
				order by bucket_start""")
			.param("id", scenarioId)
			.param("from", ScenarioRepository.utc(from))
			.param("to", ScenarioRepository.utc(to))
			.query((rs, n) -> new HourlyRollup(rs.getObject(1, OffsetDateTime.class).toInstant(), rs.getLong(2),
					rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6)))
			.list();
	}

	/**
	 * One scenario hour.
	 *
	 * @param hour its start
	 * @param requests logs received
	 * @param bytes their UTF-8 bytes
	 * @param tokens their tokens
	 * @param sqsBlocks their SQS blocks
	 * @param piiCount logs with PII
	 */
	record HourlyRollup(Instant hour, long requests, long bytes, long tokens, long sqsBlocks, long piiCount) {

	}

}
