package io.costlens.scenarios;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A scenario's usage and AWS cost over a time range, from its hourly roll-ups. Costs are
 * exact; a service whose price was missing in some hour leaves that hour out of its cost
 * and says so in {@code warnings}.
 *
 * @param scenarioId the scenario
 * @param granularity the time series bucket
 * @param from first hour included
 * @param to first hour excluded
 * @param summary totals
 * @param costs per service, in SPEC order (SQS, Lambda, Bedrock)
 * @param series one bucket per hour or day that has logs
 * @param warnings missing prices and what they left out
 */
public record ScenarioMetrics(UUID scenarioId, Granularity granularity, Instant from, Instant to, Summary summary,
		List<ServiceCost> costs, List<Bucket> series, List<String> warnings) {

	/**
	 * Totals over the range.
	 *
	 * @param totalRequests logs
	 * @param totalCost the sum of the services that could be priced
	 * @param sqsBlocks SQS blocks
	 * @param lambdaInvocations Lambda invocations (per hour: ceil(logs / batch size))
	 * @param llmTokens Bedrock input tokens
	 * @param llmOutputTokens Bedrock output tokens (input × ratio)
	 * @param piiViolations logs with PII
	 * @param totalBytes UTF-8 bytes
	 */
	public record Summary(long totalRequests, BigDecimal totalCost, long sqsBlocks, long lambdaInvocations,
			long llmTokens, BigDecimal llmOutputTokens, long piiViolations, long totalBytes) {

	}

	/**
	 * The cost of one service.
	 *
	 * @param service {@code SQS}, {@code Lambda} or {@code Bedrock}
	 * @param cost USD over the hours it could be priced, {@code null} when none could
	 */
	public record ServiceCost(String service, @Nullable BigDecimal cost) {

	}

	/**
	 * One time-series bucket.
	 *
	 * @param start the bucket's start
	 * @param requests logs
	 * @param tokens tokens
	 * @param sqsBlocks SQS blocks
	 * @param cost USD of the services that could be priced
	 */
	public record Bucket(Instant start, long requests, long tokens, long sqsBlocks, BigDecimal cost) {

		/** This bucket with another part of the same bucket added. */
		Bucket plus(Bucket other) {
			return new Bucket(this.start, this.requests + other.requests, this.tokens + other.tokens,
					this.sqsBlocks + other.sqsBlocks, this.cost.add(other.cost));
		}

	}

}
