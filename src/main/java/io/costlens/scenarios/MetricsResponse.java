package io.costlens.scenarios;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Metrics as JSON: money as strings rounded half-even to {@value #DISPLAY_SCALE} decimal
 * places (computed exactly before), counts as numbers.
 */
record MetricsResponse(UUID scenarioId, String granularity, Instant from, Instant to, Summary summary,
		List<CostBreakdown> costBreakdown, List<Point> timeseries, List<String> warnings) {

	static final int DISPLAY_SCALE = 10;

	static MetricsResponse of(ScenarioMetrics m) {
		ScenarioMetrics.Summary s = m.summary();
		Summary summary = new Summary(s.totalRequests(), money(s.totalCost()), s.sqsBlocks(), s.lambdaInvocations(),
				s.llmTokens(), s.llmOutputTokens().setScale(0, RoundingMode.HALF_EVEN).longValueExact(),
				s.piiViolations(), s.totalBytes());
		List<CostBreakdown> costs = m.costs()
			.stream()
			.map((c) -> new CostBreakdown(c.service(), (c.cost() != null) ? money(c.cost()) : null,
					percentage(c.cost(), s.totalCost())))
			.toList();
		List<Point> points = new ArrayList<>();
		for (ScenarioMetrics.Bucket b : m.series()) {
			points.add(new Point(b.start(), "requests", b.requests()));
			points.add(new Point(b.start(), "tokens", b.tokens()));
			points.add(new Point(b.start(), "sqs_blocks", b.sqsBlocks()));
			points.add(new Point(b.start(), "cost_usd", money(b.cost())));
		}
		return new MetricsResponse(m.scenarioId(), m.granularity().name().toLowerCase(Locale.ROOT), m.from(), m.to(),
				summary, costs, points, m.warnings());
	}

	static String money(BigDecimal amount) {
		return amount.setScale(DISPLAY_SCALE, RoundingMode.HALF_EVEN).toPlainString();
	}

	private static double percentage(@Nullable BigDecimal part, BigDecimal total) {
		if (part == null || total.signum() == 0) {
			return 0.0;
		}
		return part.multiply(BigDecimal.valueOf(100)).divide(total, 2, RoundingMode.HALF_EVEN).doubleValue();
	}

	record Summary(long totalRequests, String totalCostUsd, long sqsBlocks, long lambdaInvocations, long llmTokens,
			long llmOutputTokens, long piiViolations, long totalBytes) {

	}

	/**
	 * {@code cost_usd} is {@code null} when no hour of the range had this service's
	 * prices.
	 */
	record CostBreakdown(String service, @Nullable String costUsd, double percentage) {

	}

	/**
	 * {@code value} is a number, except for {@code cost_usd} points: a decimal string.
	 */
	record Point(Instant timestamp, String metricType, Object value) {

	}

}
