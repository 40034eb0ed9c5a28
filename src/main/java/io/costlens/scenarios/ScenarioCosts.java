package io.costlens.scenarios;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import tools.jackson.core.type.TypeReference;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.costlens.platform.Caches;
import io.costlens.platform.Caches.Level;
import io.costlens.pricing.AwsCost;
import io.costlens.pricing.PriceHistory;
import io.costlens.pricing.PriceKey;
import io.costlens.pricing.Pricing;

/**
 * The AWS cost of every scenario together, hour by hour, from the roll-ups: one query
 * that sums the scenarios sharing a region and cost model in the database (Lambda
 * invocations counted per scenario-hour), each hour then priced with the prices in force
 * then. Usage that needed a missing price is counted apart, never as free.
 * <p>
 * The sums of settled hours (every hour that ended more than an hour ago: ingestion
 * stamps a log with its arrival, so only an import of past logs, a deletion, a change of
 * a scenario's region or cost model, or the retention sweep changes them, and each of
 * those marks {@link #SETTLED} changed) are cached, priced: the UTC days before today's
 * settled hours in one entry (its key moves on once a day), today's settled hours in
 * another (its key moves on once an hour); only the hours since are read afresh. A price
 * change moves the cached hours on too.
 */
@Component
class ScenarioCosts {

	/** The data set of the settled hours' sums. */
	static final String SETTLED = "scenario-settled-hours";

	/** How long after an hour ends its roll-ups count as settled. */
	private static final Duration SETTLING = Duration.ofHours(1);

	private static final TypeReference<List<HourlyCost>> HOURS = new TypeReference<>() {
	};

	/**
	 * The condition that a read of the hours not yet settled (at most two hours of
	 * roll-ups) adds: only the scenarios with roll-ups in them, so that the database
	 * looks those few up by their key instead of reading and hashing every scenario.
	 */
	private static final String FEW_SCENARIOS = """
			and s.id in (select scenario_id from scenario_rollups where bucket_start >= :from and bucket_start < :to)""";

	private final JdbcClient jdbc;

	private final Pricing prices;

	private final Caches caches;

	ScenarioCosts(JdbcClient jdbc, Pricing prices, ObjectProvider<Caches> caches) {
		this.jdbc = jdbc;
		this.prices = prices;
		this.caches = caches.getIfAvailable(Caches::none);
	}

	/** Before this instant every hour is settled: the start of the hour an hour ago. */
	static Instant settledBefore(Instant now) {
		return now.minus(SETTLING).truncatedTo(ChronoUnit.HOURS);
	}

	HourlyCosts between(Instant from, Instant to) {
		Instant settled = settledBefore(Instant.now());
		Instant settledDays = settled.truncatedTo(ChronoUnit.DAYS);
		List<HourlyCost> hours = new ArrayList<>();
		hours.addAll(settled(from, earlier(to, settledDays)));
		hours.addAll(settled(later(from, settledDays), earlier(to, settled)));
		if (to.isAfter(settled)) {
			Instant start = later(from, settled);
			hours.addAll(price(read(start, to, FEW_SCENARIOS), start, to));
		}
		Map<PriceKey, Long> missing = new LinkedHashMap<>();
		hours.forEach((hour) -> hour.missing().forEach((m) -> missing.merge(m.price(), m.logs(), Long::sum)));
		return new HourlyCosts(List.copyOf(hours), missing);
	}

	/** The settled hours in {@code [from, to)}, priced, through the cache. */
	private List<HourlyCost> settled(Instant from, Instant to) {
		if (!from.isBefore(to)) {
			return List.of();
		}
		return this.caches.get(Level.QUERY, "scenario-hours", from + "|" + to, HOURS,
				() -> price(read(from, to, ""), from, to), SETTLED, Pricing.PRICES);
	}

	private static Instant earlier(Instant a, Instant b) {
		return a.isBefore(b) ? a : b;
	}

	private static Instant later(Instant a, Instant b) {
		return a.isAfter(b) ? a : b;
	}

	/**
	 * The roll-ups of {@code [from, to)} summed per hour, region and cost model, with a
	 * further condition on the scenarios.
	 */
	private List<Row> read(Instant from, Instant to, String scenarios) {
		return List.copyOf(this.jdbc.sql("""
				select r.bucket_start, s.region, s.lambda_batch_size, s.lambda_memory_mb, s.lambda_duration_ms,
				       s.bedrock_model, s.output_tokens_ratio, sum(r.requests), sum(r.tokens), sum(r.sqs_blocks),
				       sum((r.requests + s.lambda_batch_size - 1) / s.lambda_batch_size)
				from scenario_rollups r join scenarios s on s.id = r.scenario_id
				where r.bucket_start >= :from and r.bucket_start < :to %s
				group by r.bucket_start, s.region, s.lambda_batch_size, s.lambda_memory_mb, s.lambda_duration_ms,
				         s.bedrock_model, s.output_tokens_ratio""".formatted(scenarios))
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.query((rs, n) -> new Row(rs.getTimestamp(1).toInstant(), rs.getString(2),
					new CostModel(rs.getInt(3), rs.getInt(4), rs.getInt(5), rs.getString(6), rs.getBigDecimal(7)),
					rs.getLong(8), rs.getLong(9), rs.getLong(10), rs.getLong(11)))
			.list());
	}

	/** The hours of the rows, oldest first, each priced with the prices in force then. */
	private List<HourlyCost> price(List<Row> rows, Instant from, Instant to) {
		Map<String, PriceHistory> histories = new HashMap<>();
		Map<Instant, HourlyCost> hours = new TreeMap<>();
		for (Row row : rows) {
			PriceHistory history = histories.computeIfAbsent(row.region(), (r) -> this.prices.history(r, from, to));
			AwsCost cost = AwsCost.of(
					row.model().usageOfInvocations(row.hour(), row.invocations(), row.sqsBlocks(), row.tokens()),
					history);
			Map<PriceKey, Long> missing = new LinkedHashMap<>();
			cost.missing().forEach((key) -> missing.merge(key, row.requests(), Long::sum));
			hours.merge(row.hour(),
					new HourlyCost(row.hour(), cost.total(), row.requests(), row.tokens(),
							cost.missing().isEmpty() ? 0 : row.requests(), HourlyCost.Unpriced.of(missing)),
					HourlyCost::plus);
		}
		return List.copyOf(hours.values());
	}

	/**
	 * The scenarios of one region and cost model in one hour, summed; invocations per
	 * scenario-hour.
	 *
	 * @param hour the hour
	 * @param region the scenarios' region
	 * @param model their cost model
	 * @param requests logs
	 * @param tokens tokens
	 * @param sqsBlocks SQS blocks
	 * @param invocations Lambda invocations
	 */
	private record Row(Instant hour, String region, CostModel model, long requests, long tokens, long sqsBlocks,
			long invocations) {

	}

}
