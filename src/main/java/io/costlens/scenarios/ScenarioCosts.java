package io.costlens.scenarios;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.costlens.pricing.AwsCost;
import io.costlens.pricing.PriceHistory;
import io.costlens.pricing.PriceKey;
import io.costlens.pricing.Pricing;

/**
 * The AWS cost of every scenario together, hour by hour, from the roll-ups: one query
 * that sums the scenarios sharing a region and cost model in the database (Lambda
 * invocations counted per scenario-hour), each hour then priced with the prices in force
 * then. Usage that needed a missing price is counted apart, never as free.
 */
@Component
class ScenarioCosts {

	private final JdbcClient jdbc;

	private final Pricing prices;

	ScenarioCosts(JdbcClient jdbc, Pricing prices) {
		this.jdbc = jdbc;
		this.prices = prices;
	}

	HourlyCosts between(Instant from, Instant to) {
		List<Row> rows = this.jdbc.sql("""
				select r.bucket_start, s.region, s.lambda_batch_size, s.lambda_memory_mb, s.lambda_duration_ms,
				       s.bedrock_model, s.output_tokens_ratio, sum(r.requests), sum(r.tokens), sum(r.sqs_blocks),
				       sum((r.requests + s.lambda_batch_size - 1) / s.lambda_batch_size)
				from scenario_rollups r join scenarios s on s.id = r.scenario_id
				where r.bucket_start >= ? and r.bucket_start < ?
				group by r.bucket_start, s.region, s.lambda_batch_size, s.lambda_memory_mb, s.lambda_duration_ms,
				         s.bedrock_model, s.output_tokens_ratio""")
			.params(Timestamp.from(from), Timestamp.from(to))
			.query((rs, n) -> new Row(rs.getTimestamp(1).toInstant(), rs.getString(2),
					new CostModel(rs.getInt(3), rs.getInt(4), rs.getInt(5), rs.getString(6), rs.getBigDecimal(7)),
					rs.getLong(8), rs.getLong(9), rs.getLong(10), rs.getLong(11)))
			.list();
		Map<String, PriceHistory> histories = new HashMap<>();
		Map<Instant, HourlyCost> hours = new TreeMap<>();
		Map<PriceKey, Long> missing = new LinkedHashMap<>();
		for (Row row : rows) {
			PriceHistory history = histories.computeIfAbsent(row.region(), (r) -> this.prices.history(r, from, to));
			AwsCost cost = AwsCost.of(
					row.model().usageOfInvocations(row.hour(), row.invocations(), row.sqsBlocks(), row.tokens()),
					history);
			cost.missing().forEach((key) -> missing.merge(key, row.requests(), Long::sum));
			hours.merge(row.hour(), new HourlyCost(row.hour(), cost.total(), row.requests(), row.tokens(),
					cost.missing().isEmpty() ? 0 : row.requests()), HourlyCost::plus);
		}
		return new HourlyCosts(new ArrayList<>(hours.values()), missing);
	}

	/**
	 * The scenarios of one region and cost model in one hour, summed; invocations per
	 * scenario-hour.
	 */
	private record Row(Instant hour, String region, CostModel model, long requests, long tokens, long sqsBlocks,
			long invocations) {

	}

}
