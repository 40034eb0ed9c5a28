package io.costlens.scenarios;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

import io.costlens.pricing.AwsCost;
import io.costlens.pricing.AwsUsage;
import io.costlens.pricing.Pricing;
import io.costlens.pricing.PriceHistory;
import io.costlens.pricing.PriceKey;
import io.costlens.scenarios.ScenarioRollupRepository.HourlyRollup;

/**
 * Computes a scenario's metrics from its hourly roll-ups (never a scan of its logs),
 * pricing each hour with the catalog prices in force in that hour.
 */
@Component
class MetricsCalculator {

	/** Default range end when none is given: beyond any real log. */
	private static final Instant FAR_FUTURE = Instant.parse("9999-01-01T00:00:00Z");

	private final ScenarioRollupRepository rollups;

	private final Pricing prices;

	MetricsCalculator(ScenarioRollupRepository rollups, Pricing prices) {
		this.rollups = rollups;
		this.prices = prices;
	}

	ScenarioMetrics of(Scenario scenario, Granularity granularity, @Nullable Instant from, @Nullable Instant to) {
		UUID scenarioId = scenario.id();
		Instant start = (from != null) ? from.truncatedTo(ChronoUnit.HOURS) : Instant.EPOCH;
		Instant end = (to != null) ? to : FAR_FUTURE;
		List<HourlyRollup> hours = this.rollups.find(scenarioId, start, end);
		Tally tally = new Tally(scenario.costModel(), granularity);
		if (!hours.isEmpty()) {
			PriceHistory history = this.prices.history(scenario.region(), hours.get(0).hour(),
					hours.get(hours.size() - 1).hour().plus(1, ChronoUnit.HOURS));
			hours.forEach((hour) -> tally.add(hour, history));
		}
		return tally.result(scenarioId, start, end);
	}

	/** Adds up hours: usage, exact costs per service, buckets and missing prices. */
	private static final class Tally {

		private final CostModel model;

		private final Granularity granularity;

		private long requests;

		private long blocks;

		private long invocations;

		private long tokens;

		private BigDecimal outputTokens = BigDecimal.ZERO;

		private long pii;

		private long bytes;

		private @Nullable BigDecimal sqs;

		private @Nullable BigDecimal lambda;

		private @Nullable BigDecimal bedrock;

		private final Map<Instant, ScenarioMetrics.Bucket> buckets = new LinkedHashMap<>();

		private final Map<PriceKey, List<Instant>> missing = new LinkedHashMap<>();

		Tally(CostModel model, Granularity granularity) {
			this.model = model;
			this.granularity = granularity;
		}

		void add(HourlyRollup hour, PriceHistory history) {
			AwsUsage usage = this.model.usage(hour.hour(), hour.requests(), hour.sqsBlocks(), hour.tokens());
			long hourInvocations = usage.lambdaInvocations();
			BigDecimal hourOutput = usage.outputTokens();
			AwsCost cost = AwsCost.of(usage, history);
			this.requests += hour.requests();
			this.blocks += hour.sqsBlocks();
			this.invocations += hourInvocations;
			this.tokens += hour.tokens();
			this.outputTokens = this.outputTokens.add(hourOutput);
			this.pii += hour.piiCount();
			this.bytes += hour.bytes();
			this.sqs = plus(this.sqs, cost.sqs());
			this.lambda = plus(this.lambda, cost.lambda());
			this.bedrock = plus(this.bedrock, cost.bedrock());
			cost.missing()
				.forEach((key) -> this.missing.computeIfAbsent(key, (k) -> new ArrayList<>()).add(hour.hour()));
			Instant bucket = this.granularity.bucketOf(hour.hour());
			this.buckets.merge(bucket,
					new ScenarioMetrics.Bucket(bucket, hour.requests(), hour.tokens(), hour.sqsBlocks(), cost.total()),
					ScenarioMetrics.Bucket::plus);
		}

		ScenarioMetrics result(UUID scenarioId, Instant from, Instant to) {
			BigDecimal total = orZero(this.sqs).add(orZero(this.lambda)).add(orZero(this.bedrock));
			ScenarioMetrics.Summary summary = new ScenarioMetrics.Summary(this.requests, total, this.blocks,
					this.invocations, this.tokens, this.outputTokens, this.pii, this.bytes);
			List<ScenarioMetrics.ServiceCost> costs = List.of(new ScenarioMetrics.ServiceCost("SQS", this.sqs),
					new ScenarioMetrics.ServiceCost("Lambda", this.lambda),
					new ScenarioMetrics.ServiceCost("Bedrock", this.bedrock));
			List<ScenarioMetrics.Bucket> series = List.copyOf(this.buckets.values());
			List<String> warnings = new ArrayList<>();
			this.missing.forEach((key,
					hours) -> warnings.add("No price for " + key + " in force at " + hours.get(0)
							+ ((hours.size() > 1) ? " and " + (hours.size() - 1) + " more hour(s)" : "")
							+ ": its cost is left out of those hours"));
			return new ScenarioMetrics(scenarioId, this.granularity, from, to, summary, costs, series, warnings);
		}

		private static @Nullable BigDecimal plus(@Nullable BigDecimal sum, @Nullable BigDecimal part) {
			if (part == null) {
				return sum;
			}
			return (sum != null) ? sum.add(part) : part;
		}

		private static BigDecimal orZero(@Nullable BigDecimal value) {
			return (value != null) ? value : BigDecimal.ZERO;
		}

	}

}
