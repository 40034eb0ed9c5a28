package io.costlens.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.annotation.JsonSerialize;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

import io.costlens.devlens.Devlens;
import io.costlens.platform.Caches;
import io.costlens.platform.Caches.Level;
import io.costlens.predictions.ModelStats;
import io.costlens.predictions.ModelSummary;
import io.costlens.predictions.Predictions;
import io.costlens.pricing.Pricing;
import io.costlens.providers.Providers;
import io.costlens.providers.UsageTotals;
import io.costlens.scenarios.HourlyCost;
import io.costlens.scenarios.HourlyCosts;
import io.costlens.scenarios.Scenarios;

/**
 * Cost and usage across the modules for a range: scenarios (their logs' AWS cost, by the
 * hour), provider keys (the OpenRouter usage synced for the caller's keys) and DevLens
 * sessions (both by UTC day, counted in the bucket where the UTC day starts), and the
 * predictions logged (usage only: Costlens prices no ML prediction). Totals, a series by
 * the range's bucket, the usage no price covered, and the month-end forecast, all from
 * the same reads, so that every total is the sum of its parts and of its series.
 */
@Service
class Overview {

	static final String SCENARIOS = "scenarios";

	static final String PROVIDERS = "providers";

	static final String DEVLENS = "devlens";

	static final String PREDICTIONS = "predictions";

	private final Scenarios scenarios;

	private final Predictions predictions;

	private final Providers providers;

	private final Devlens devlens;

	private final DashboardProperties properties;

	/**
	 * What an overview is computed from: every module's data set it reads. Each write any
	 * of them allows marks one of them changed (ingestion and imports of logs, group
	 * commits of predictions, retention sweeps, deletions, provider syncs, trace imports,
	 * price changes), on every instance when the cache is in Redis.
	 */
	static final String[] DATA_SETS = { Scenarios.COSTS, Pricing.PRICES, Providers.USAGE, Devlens.DATA,
			Predictions.PREDICTIONS };

	private static final TypeReference<OverviewReport> REPORT = new TypeReference<>() {
	};

	private final Caches caches;

	private final Clock clock;

	Overview(Scenarios scenarios, Predictions predictions, Providers providers, Devlens devlens,
			DashboardProperties properties, ObjectProvider<Caches> caches) {
		this.scenarios = scenarios;
		this.predictions = predictions;
		this.providers = providers;
		this.devlens = devlens;
		this.properties = properties;
		this.caches = caches.getIfAvailable(Caches::none);
		this.clock = Clock.systemUTC();
	}

	Range range(@Nullable String period, @Nullable String from, @Nullable String to) {
		return Range.of(period, from, to, this.properties.timeZone(), this.clock);
	}

	/**
	 * The overview of a range, cached per caller (the provider usage in it is the
	 * caller's, an admin's everyone's), range and day (the forecast is today's) until a
	 * data set it is computed from moves on.
	 */
	OverviewReport of(Range range) {
		ZonedDateTime now = ZonedDateTime.now(this.clock.withZone(this.properties.timeZone()));
		return this.caches.getForCaller(Level.QUERY, "overview", key(range, now.toLocalDate()), REPORT,
				() -> compute(range, now), DATA_SETS);
	}

	/**
	 * What identifies the overview of a range today, besides its caller and its data
	 * sets' generations.
	 */
	String key(Range range) {
		return key(range, LocalDate.now(this.clock.withZone(this.properties.timeZone())));
	}

	private static String key(Range range, LocalDate today) {
		return range.preset() + "|" + range.from() + "|" + range.to() + "|" + range.bucket() + "|"
				+ range.zone().getId() + "|" + today;
	}

	private OverviewReport compute(Range range, ZonedDateTime now) {
		LocalDate today = now.toLocalDate();
		Instant monthStart = today.withDayOfMonth(1).atStartOfDay(now.getZone()).toInstant();
		Instant tomorrow = today.plusDays(1).atStartOfDay(now.getZone()).toInstant();
		List<Cost> read = costs(range.from(), range.to(), monthStart, tomorrow);
		List<Cost> costs = within(read, range.from(), range.to());
		Map<Instant, SeriesPoint> series = new LinkedHashMap<>();
		range.buckets().forEach((b) -> series.put(b, SeriesPoint.empty(b)));
		for (Cost cost : costs) {
			series.computeIfPresent(range.bucketOf(cost.at()), (b, p) -> p.plus(cost));
		}
		Map<String, ModuleCost> byModule = new LinkedHashMap<>();
		for (String module : List.of(SCENARIOS, PROVIDERS, DEVLENS)) {
			byModule.put(module, new ModuleCost(module, BigDecimal.ZERO, 0, 0, 0));
		}
		for (Cost cost : costs) {
			byModule.computeIfPresent(cost.module(), (m, c) -> c.plus(cost));
		}
		long predicted = 0;
		long failed = 0;
		for (ModelSummary model : this.predictions.models()) {
			if (model.lastSeenAt().isBefore(range.from()) || !model.firstSeenAt().isBefore(range.to())) {
				continue;
			}
			ModelStats stats = this.predictions.statsBetween(model.modelName(), range.from(), range.to());
			predicted += stats.totalRequests();
			failed += stats.totalRequests() - stats.successfulRequests();
		}
		byModule.put(PREDICTIONS, new ModuleCost(PREDICTIONS, null, predicted, 0, 0));
		List<ModuleCost> modules = byModule.values().stream().map(ModuleCost::settled).toList();
		BigDecimal total = BigDecimal.ZERO;
		boolean anyPriced = false;
		boolean anyUsage = false;
		long unpriced = 0;
		for (ModuleCost module : modules) {
			if (!PREDICTIONS.equals(module.module())) {
				anyUsage |= module.items() > 0;
				anyPriced |= module.items() > module.unpricedItems();
				total = total.add((module.cost() != null) ? module.cost() : BigDecimal.ZERO);
				unpriced += module.unpricedItems();
			}
		}
		ModuleCost scenarioCost = byModule.get(SCENARIOS);
		ModuleCost providerCost = byModule.get(PROVIDERS);
		ModuleCost devlensCost = byModule.get(DEVLENS);
		Usage usage = new Usage(scenarioCost.items(), scenarioCost.tokens(), predicted, failed, providerCost.items(),
				providerCost.tokens(), devlensCost.items(), devlensCost.tokens());
		MonthEndForecast forecast = forecast(today, now.getZone(), within(read, monthStart, tomorrow));
		return new OverviewReport(range.zone().getId(), range.preset(), range.from(), range.to(), range.bucket(), "USD",
				new Totals(plainOrNull((anyUsage && !anyPriced) ? null : total), unpriced,
						modules.stream().map(ModuleCost::plain).toList()),
				usage, series.values().stream().map(SeriesPoint::plain).toList(), unpriced(costs),
				new MonthEndForecast(forecast.month(), forecast.status(), plain(forecast.monthToDate()),
						plainOrNull(forecast.monthEnd()), plainOrNull(forecast.low()), plainOrNull(forecast.high()),
						forecast.level(), forecast.daysUsed(), forecast.daysNeeded(), forecast.method()));
	}

	/**
	 * An amount as the API writes it ({@link PlainMoney}: ten decimals), so that a report
	 * read back from a cache in Redis (as JSON) is the report computed, to the digit.
	 */
	static BigDecimal plain(BigDecimal amount) {
		return amount.setScale(PlainMoney.SCALE, RoundingMode.HALF_EVEN);
	}

	private static @Nullable BigDecimal plainOrNull(@Nullable BigDecimal amount) {
		return (amount != null) ? amount.setScale(PlainMoney.SCALE, RoundingMode.HALF_EVEN) : null;
	}

	/**
	 * The cost items of a range and of this month (for the forecast) in one read of each
	 * module, of the span that covers both when they overlap or touch (as every preset's
	 * range and this month do), else of each.
	 */
	private List<Cost> costs(Instant from, Instant to, Instant monthStart, Instant monthEnd) {
		if (from.isAfter(monthEnd) || monthStart.isAfter(to)) {
			List<Cost> both = new ArrayList<>(costs(from, to));
			both.addAll(costs(monthStart, monthEnd));
			return both;
		}
		return costs(from.isBefore(monthStart) ? from : monthStart, to.isAfter(monthEnd) ? to : monthEnd);
	}

	private static List<Cost> within(List<Cost> costs, Instant from, Instant to) {
		return costs.stream().filter((cost) -> !cost.at().isBefore(from) && cost.at().isBefore(to)).toList();
	}

	/**
	 * Every module's cost items between two instants: the scenarios' hours, and the UTC
	 * days (of provider usage and DevLens sessions) that start within them.
	 */
	private List<Cost> costs(Instant from, Instant to) {
		List<Cost> items = new ArrayList<>();
		for (HourlyCost hour : this.scenarios.costsBetween(from, to).hours()) {
			List<Unpriced> missing = new ArrayList<>();
			hour.missing()
				.forEach((m) -> missing.add(new Unpriced(SCENARIOS, m.price().service(), m.price().region(),
						m.price().tier(), null, m.logs())));
			items.add(new Cost(SCENARIOS, hour.start(), hour.cost(), hour.requests(), hour.tokens(),
					hour.unpricedRequests(), missing));
		}
		LocalDate firstDay = from.atOffset(ZoneOffset.UTC).toLocalDate();
		LocalDate lastDay = to.minusNanos(1).atOffset(ZoneOffset.UTC).toLocalDate();
		for (UsageTotals day : this.providers.usageByDay(null, null, firstDay, lastDay)) {
			Instant start = LocalDate.parse(String.valueOf(day.group())).atStartOfDay(ZoneOffset.UTC).toInstant();
			if (!start.isBefore(from) && start.isBefore(to)) {
				items.add(new Cost(PROVIDERS, start, day.cost(), day.requestsCount(),
						day.tokensInput() + day.tokensOutput(), 0, List.of()));
			}
		}
		for (Devlens.DayCost day : this.devlens.dailyCosts(firstDay, lastDay)) {
			Instant start = day.day().atStartOfDay(ZoneOffset.UTC).toInstant();
			if (!start.isBefore(from) && start.isBefore(to)) {
				items.add(new Cost(DEVLENS, start, day.pricedCostUsd(), day.sessions(), day.tokens(),
						day.unpricedSessions(),
						(day.unpricedSessions() > 0)
								? List.of(new Unpriced(DEVLENS, null, null, null, day.model(), day.unpricedSessions()))
								: List.of()));
			}
		}
		return items;
	}

	/**
	 * The prices the items missed, each with the usage it left unpriced: the scenarios'
	 * in the order they first lacked them, then DevLens models by name.
	 */
	private static List<Unpriced> unpriced(List<Cost> costs) {
		Map<Unpriced, Long> scenarios = new LinkedHashMap<>();
		Map<String, Long> models = new TreeMap<>();
		for (Cost cost : costs) {
			for (Unpriced missed : cost.missing()) {
				if (missed.model() != null) {
					models.merge(missed.model(), missed.items(), Long::sum);
				}
				else {
					scenarios.merge(missed.withItems(0), missed.items(), Long::sum);
				}
			}
		}
		List<Unpriced> missing = new ArrayList<>();
		scenarios.forEach((key, items) -> missing.add(key.withItems(items)));
		models.forEach((model, sessions) -> missing.add(new Unpriced(DEVLENS, null, null, null, model, sessions)));
		return missing;
	}

	/** The forecast of this month, from its days' costs (every module's) in the zone. */
	private static MonthEndForecast forecast(LocalDate today, ZoneId zone, List<Cost> month) {
		Map<LocalDate, BigDecimal> daily = new LinkedHashMap<>();
		for (Cost cost : month) {
			daily.merge(cost.at().atZone(zone).toLocalDate(), cost.cost(), BigDecimal::add);
		}
		return MonthEndForecast.of(today, daily);
	}

	/** One module's usage in an hour or a UTC day, and its priced cost. */
	private record Cost(String module, Instant at, BigDecimal cost, long items, long tokens, long unpricedItems,
			List<Unpriced> missing) {

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
	 * @param total USD of all priced usage of every module, {@code null} when there was
	 * usage and none of it could be priced
	 * @param unpricedItems usage items (scenario logs, DevLens sessions) that no price
	 * covered
	 * @param byModule per module: scenarios, providers, devlens, predictions
	 */
	record Totals(@JsonSerialize(using = PlainMoney.class) @Nullable BigDecimal total, long unpricedItems,
			List<ModuleCost> byModule) {

	}

	/**
	 * @param module the module
	 * @param cost USD of its priced usage, {@code null} when none could be priced (and
	 * always for predictions, which carry no price)
	 * @param items its usage items: scenario logs, provider requests, DevLens sessions,
	 * predictions
	 * @param tokens their tokens (none for predictions)
	 * @param unpricedItems of which no price covered
	 */
	record ModuleCost(String module, @JsonSerialize(using = PlainMoney.class) @Nullable BigDecimal cost, long items,
			long tokens, long unpricedItems) {

		ModuleCost plus(Cost item) {
			return new ModuleCost(this.module, ((this.cost != null) ? this.cost : BigDecimal.ZERO).add(item.cost()),
					this.items + item.items(), this.tokens + item.tokens(), this.unpricedItems + item.unpricedItems());
		}

		ModuleCost plain() {
			return new ModuleCost(this.module, Overview.plainOrNull(this.cost), this.items, this.tokens,
					this.unpricedItems);
		}

		/** Its cost reads "no price" when it had usage and none of it was priced. */
		ModuleCost settled() {
			return (this.items > 0 && this.unpricedItems == this.items)
					? new ModuleCost(this.module, null, this.items, this.tokens, this.unpricedItems) : this;
		}

	}

	/**
	 * @param scenarioLogs logs ingested into scenarios
	 * @param tokens their tokens
	 * @param predictions predictions logged
	 * @param failedPredictions of which failed
	 * @param providerRequests requests of the provider usage synced
	 * @param providerTokens their tokens
	 * @param devlensSessions DevLens sessions imported
	 * @param devlensTokens their tokens
	 */
	record Usage(long scenarioLogs, long tokens, long predictions, long failedPredictions, long providerRequests,
			long providerTokens, long devlensSessions, long devlensTokens) {

	}

	/**
	 * @param start the bucket's start
	 * @param cost USD of the priced usage in it, every module's
	 * @param scenariosCost of which scenarios'
	 * @param providersCost of which provider keys'
	 * @param devlensCost of which DevLens sessions'
	 * @param scenarioLogs logs
	 * @param unpricedLogs logs no price covered
	 * @param providerRequests provider requests
	 * @param devlensSessions DevLens sessions
	 * @param unpricedSessions DevLens sessions no price covered
	 */
	record SeriesPoint(Instant start, @JsonSerialize(using = PlainMoney.class) BigDecimal cost,
			@JsonSerialize(using = PlainMoney.class) BigDecimal scenariosCost,
			@JsonSerialize(using = PlainMoney.class) BigDecimal providersCost,
			@JsonSerialize(using = PlainMoney.class) BigDecimal devlensCost, long scenarioLogs, long unpricedLogs,
			long providerRequests, long devlensSessions, long unpricedSessions) {

		static SeriesPoint empty(Instant start) {
			return new SeriesPoint(start, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, 0, 0, 0,
					0, 0);
		}

		SeriesPoint plus(Cost item) {
			BigDecimal cost = item.cost();
			return switch (item.module()) {
				case SCENARIOS -> new SeriesPoint(this.start, this.cost.add(cost), this.scenariosCost.add(cost),
						this.providersCost, this.devlensCost, this.scenarioLogs + item.items(),
						this.unpricedLogs + item.unpricedItems(), this.providerRequests, this.devlensSessions,
						this.unpricedSessions);
				case PROVIDERS -> new SeriesPoint(this.start, this.cost.add(cost), this.scenariosCost,
						this.providersCost.add(cost), this.devlensCost, this.scenarioLogs, this.unpricedLogs,
						this.providerRequests + item.items(), this.devlensSessions, this.unpricedSessions);
				default -> new SeriesPoint(this.start, this.cost.add(cost), this.scenariosCost, this.providersCost,
						this.devlensCost.add(cost), this.scenarioLogs, this.unpricedLogs, this.providerRequests,
						this.devlensSessions + item.items(), this.unpricedSessions + item.unpricedItems());
			};
		}

		SeriesPoint plain() {
			return new SeriesPoint(this.start, Overview.plain(this.cost), Overview.plain(this.scenariosCost),
					Overview.plain(this.providersCost), Overview.plain(this.devlensCost), this.scenarioLogs,
					this.unpricedLogs, this.providerRequests, this.devlensSessions, this.unpricedSessions);
		}

		/** Whether the bucket had usage and none of it was priced. */
		public boolean noPrice() {
			long items = this.scenarioLogs + this.providerRequests + this.devlensSessions;
			return items > 0 && this.unpricedLogs + this.unpricedSessions == items;
		}

	}

	/**
	 * @param module where the usage was
	 * @param service the price's service (scenarios)
	 * @param region its region (scenarios)
	 * @param tier its tier (scenarios)
	 * @param model the model no price covered (DevLens)
	 * @param items usage items it left unpriced: logs or sessions
	 */
	record Unpriced(String module, @Nullable String service, @Nullable String region, @Nullable String tier,
			@Nullable String model, long items) {

		Unpriced withItems(long items) {
			return new Unpriced(this.module, this.service, this.region, this.tier, this.model, items);
		}

	}

}
