package io.costlens.dashboard;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.annotation.JsonSerialize;

import org.springframework.stereotype.Service;

import io.costlens.predictions.ModelStats;
import io.costlens.predictions.ModelSummary;
import io.costlens.predictions.Predictions;
import io.costlens.scenarios.HourlyCost;
import io.costlens.scenarios.HourlyCosts;
import io.costlens.scenarios.Scenarios;

/**
 * Cost and usage across the modules for a range: totals, a series by the range's bucket,
 * the usage no price covered, and the month-end forecast. Every number follows the same
 * range, and days are days of the reporting zone.
 */
@Service
class Overview {

	private final Scenarios scenarios;

	private final Predictions predictions;

	private final DashboardProperties properties;

	private final Clock clock;

	Overview(Scenarios scenarios, Predictions predictions, DashboardProperties properties) {
		this.scenarios = scenarios;
		this.predictions = predictions;
		this.properties = properties;
		this.clock = Clock.systemUTC();
	}

	Range range(@Nullable String period, @Nullable String from, @Nullable String to) {
		return Range.of(period, from, to, this.properties.timeZone(), this.clock);
	}

	OverviewReport of(Range range) {
		HourlyCosts hourly = this.scenarios.costsBetween(range.from(), range.to());
		Map<Instant, SeriesPoint> series = new LinkedHashMap<>();
		range.buckets().forEach((b) -> series.put(b, SeriesPoint.empty(b)));
		BigDecimal cost = BigDecimal.ZERO;
		long logs = 0;
		long tokens = 0;
		long unpriced = 0;
		for (HourlyCost hour : hourly.hours()) {
			series.computeIfPresent(range.bucketOf(hour.start()), (b, p) -> p.plus(hour));
			cost = cost.add(hour.cost());
			logs += hour.requests();
			tokens += hour.tokens();
			unpriced += hour.unpricedRequests();
		}
		List<Unpriced> missing = hourly.missing()
			.entrySet()
			.stream()
			.map((e) -> new Unpriced("scenarios", e.getKey().service(), e.getKey().region(), e.getKey().tier(),
					e.getValue()))
			.toList();
		ModuleCost scenarios = new ModuleCost("scenarios", (logs > 0 && unpriced == logs) ? null : cost, logs,
				unpriced);
		Usage usage = usage(range, logs, tokens);
		return new OverviewReport(range.zone().getId(), range.preset(), range.from(), range.to(), range.bucket(), "USD",
				new Totals(scenarios.cost(), unpriced, List.of(scenarios)), usage, List.copyOf(series.values()),
				missing, forecast());
	}

	private Usage usage(Range range, long logs, long tokens) {
		long total = 0;
		long ok = 0;
		for (ModelSummary model : this.predictions.models()) {
			if (model.lastSeenAt().isBefore(range.from()) || !model.firstSeenAt().isBefore(range.to())) {
				continue;
			}
			ModelStats stats = this.predictions.statsBetween(model.modelName(), range.from(), range.to());
			total += stats.totalRequests();
			ok += stats.successfulRequests();
		}
		return new Usage(logs, tokens, total, total - ok);
	}

	/** The forecast of this month, from its days' costs in the zone. */
	MonthEndForecast forecast() {
		ZonedDateTime now = ZonedDateTime.now(this.clock.withZone(this.properties.timeZone()));
		LocalDate today = now.toLocalDate();
		Instant monthStart = today.withDayOfMonth(1).atStartOfDay(now.getZone()).toInstant();
		Instant tomorrow = today.plusDays(1).atStartOfDay(now.getZone()).toInstant();
		Map<LocalDate, BigDecimal> daily = new LinkedHashMap<>();
		for (HourlyCost hour : this.scenarios.costsBetween(monthStart, tomorrow).hours()) {
			daily.merge(hour.start().atZone(now.getZone()).toLocalDate(), hour.cost(), BigDecimal::add);
		}
		return MonthEndForecast.of(today, daily);
	}

	/**
	 * The overview of a range.
	 *
	 * @param timeZone the zone of every day boundary
	 * @param period the preset, or {@code custom}
	 * @param from first instant included
	 * @param to first instant excluded
	 * @param bucket {@code hour} or {@code day}
	 * @param currency the currency of every cost
	 * @param cost cost totals
	 * @param usage usage totals
	 * @param series one point per bucket, empty buckets included
	 * @param unpriced the prices that were missing and how much usage they left unpriced
	 * @param forecast this month's forecast (whatever the range)
	 */
	record OverviewReport(String timeZone, String period, Instant from, Instant to, String bucket, String currency,
			Totals cost, Usage usage, List<SeriesPoint> series, List<Unpriced> unpriced, MonthEndForecast forecast) {

	}

	/**
	 * @param total USD of all priced usage, {@code null} when there was usage and none of
	 * it could be priced
	 * @param unpricedItems usage items (logs) that no price covered
	 * @param byModule per module
	 */
	record Totals(@JsonSerialize(using = PlainMoney.class) @Nullable BigDecimal total, long unpricedItems,
			List<ModuleCost> byModule) {

	}

	/**
	 * @param module the module
	 * @param cost USD of its priced usage, {@code null} when none could be priced
	 * @param items its usage items
	 * @param unpricedItems of which no price covered
	 */
	record ModuleCost(String module, @JsonSerialize(using = PlainMoney.class) @Nullable BigDecimal cost, long items,
			long unpricedItems) {

	}

	/**
	 * @param scenarioLogs logs ingested into scenarios
	 * @param tokens their tokens
	 * @param predictions predictions logged
	 * @param failedPredictions of which failed
	 */
	record Usage(long scenarioLogs, long tokens, long predictions, long failedPredictions) {

	}

	/**
	 * @param start the bucket's start
	 * @param cost USD of the priced usage in it
	 * @param scenarioLogs logs
	 * @param unpricedLogs logs no price covered
	 */
	record SeriesPoint(Instant start, @JsonSerialize(using = PlainMoney.class) BigDecimal cost, long scenarioLogs,
			long unpricedLogs) {

		static SeriesPoint empty(Instant start) {
			return new SeriesPoint(start, BigDecimal.ZERO, 0, 0);
		}

		SeriesPoint plus(HourlyCost hour) {
			return new SeriesPoint(this.start, this.cost.add(hour.cost()), this.scenarioLogs + hour.requests(),
					this.unpricedLogs + hour.unpricedRequests());
		}

	}

	/**
	 * @param module where the usage was
	 * @param service the price's service
	 * @param region its region
	 * @param tier its tier
	 * @param items usage items it left unpriced
	 */
	record Unpriced(String module, String service, String region, String tier, long items) {

	}

}
