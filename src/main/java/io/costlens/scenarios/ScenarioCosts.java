package io.costlens.scenarios;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.costlens.pricing.AwsCost;
import io.costlens.pricing.PriceCatalog;
import io.costlens.pricing.PriceHistory;
import io.costlens.pricing.PriceKey;

/**
 * The AWS cost of every scenario together, hour by hour, from the roll-ups: one query
 * that sums the scenarios sharing a region and cost model in the database, each hour then
 * priced with the prices in force then. Usage that needed a missing price is counted
 * apart, never as free.
 */
@Service
public class ScenarioCosts {

	private final JdbcClient jdbc;

	private final PriceCatalog prices;

	ScenarioCosts(JdbcClient jdbc, PriceCatalog prices) {
		this.jdbc = jdbc;
		this.prices = prices;
	}

	/** The hours in {@code [from, to)} that have logs, oldest first. */
	@Transactional(readOnly = true)
	public Hourly between(Instant from, Instant to) {
		List<Row> rows = this.jdbc.sql("""
				select r.bucket_start, s.region, s.lambda_batch_size, s.lambda_memory_mb, s.lambda_duration_ms,
				       s.bedrock_model, s.output_tokens_ratio, sum(r.requests), sum(r.tokens), sum(r.sqs_blocks),
				       sum((r.requests + s.lambda_batch_size - 1) / s.lambda_batch_size)
				from scenario_rollups r join scenarios s on s.id = r.scenario_id
				where r.bucket_start >= ? and r.bucket_start < ?
				group by r.bucket_start, s.region, s.lambda_batch_size, s.lambda_memory_mb, s.lambda_duration_ms,
				         s.bedrock_model, s.output_tokens_ratio""")
			.params(java.sql.Timestamp.from(from), java.sql.Timestamp.from(to))
			.query((rs, n) -> new Row(rs.getTimestamp(1).toInstant(), rs.getString(2),
					new CostModel(rs.getInt(3), rs.getInt(4), rs.getInt(5), rs.getString(6), rs.getBigDecimal(7)),
					rs.getLong(8), rs.getLong(9), rs.getLong(10), rs.getLong(11)))
			.list();
		Map<String, PriceHistory> histories = new HashMap<>();
		Map<Instant, Hour> hours = new TreeMap<>();
		Map<PriceKey, Long> missing = new LinkedHashMap<>();
		for (Row row : rows) {
			PriceHistory history = histories.computeIfAbsent(row.region(), (r) -> this.prices.history(r, from, to));
			AwsCost cost = AwsCost.of(
					row.model().usageOfInvocations(row.hour(), row.invocations(), row.sqsBlocks(), row.tokens()),
					history);
			cost.missing().forEach((key) -> missing.merge(key, row.requests(), Long::sum));
			hours.merge(row.hour(), new Hour(row.hour(), cost.total(), row.requests(), row.tokens(),
					cost.missing().isEmpty() ? 0 : row.requests()), Hour::plus);
		}
		return new Hourly(new ArrayList<>(hours.values()), missing);
	}

	/**
	 * What every scenario did in some hours.
	 *
	 * @param hours one entry per hour with logs, oldest first
	 * @param missing each price that was needed and not in force, with the logs it left
	 * unpriced
	 */
	public record Hourly(List<Hour> hours, Map<PriceKey, Long> missing) {

	}

	/**
	 * One hour of every scenario.
	 *
	 * @param start the hour
	 * @param cost USD of what could be priced
	 * @param requests logs
	 * @param tokens tokens
	 * @param unpricedRequests logs of scenarios that hour whose cost misses a price
	 */
	public record Hour(Instant start, BigDecimal cost, long requests, long tokens, long unpricedRequests) {

		Hour plus(Hour other) {
			return new Hour(this.start, this.cost.add(other.cost), this.requests + other.requests,
					this.tokens + other.tokens, this.unpricedRequests + other.unpricedRequests);
		}

	}

	/**
	 * The scenarios of one region and cost model in one hour, summed; invocations per
	 * scenario-hour.
	 */
	private record Row(Instant hour, String region, CostModel model, long requests, long tokens, long sqsBlocks,
			long invocations) {

	}

}
