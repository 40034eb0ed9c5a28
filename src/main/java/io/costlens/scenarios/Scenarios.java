package io.costlens.scenarios;

import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.costlens.platform.Caches.Level;
import io.costlens.platform.Caches;
import io.costlens.platform.InvalidRequest;
import io.costlens.platform.Page;
import io.costlens.pricing.Pricing;

/**
 * What other modules and the controllers do with scenarios: create, change and delete
 * them, move them through their lifecycle (publishing an event for each change), read
 * their stored logs and their metrics.
 */
@Service
public class Scenarios {

	private static final TypeReference<ScenarioMetrics> METRICS = new TypeReference<>() {
	};

	private static final TypeReference<Long> COUNT = new TypeReference<>() {
	};

	/**
	 * The data set of the scenarios' names, descriptions, tags, regions and statuses
	 * (what a list's filter matches): a create, a change or a deletion marks it changed;
	 * ingestion does not (a cache of the list's log counts names {@link #COSTS} too).
	 */
	public static final String LISTED = "scenario-list";

	/**
	 * The data set of {@link #costsBetween}: every roll-up of every scenario (each commit
	 * of logs, imported or ingested, a retention sweep, a deletion) and every scenario's
	 * region and cost model. A cache of what reads it (the prices too) names it, and
	 * {@link io.costlens.pricing.Pricing#PRICES}.
	 */
	public static final String COSTS = "scenario-costs";

	/**
	 * What {@link #dataSet} puts before a scenario's id, for naming that data set where
	 * the id is not known yet (a page declaring it for the scenario in its path).
	 */
	public static final String DATA_SET_PREFIX = "scenario:";

	/** The most scenarios one bulk create or delete handles. */
	public static final int BULK_LIMIT = 100;

	private final ScenarioRepository scenarios;

	private final LogRepository logs;

	private final MetricsCalculator metrics;

	private final Pricing prices;

	private final ApplicationEventPublisher events;

	private final ScenarioCosts costs;

	private final Caches caches;

	private final ObjectProvider<Ingestion> ingestion;

	Scenarios(ScenarioRepository scenarios, LogRepository logs, MetricsCalculator metrics, Pricing prices,
			ApplicationEventPublisher events, ScenarioCosts costs, ObjectProvider<Caches> caches,
			ObjectProvider<Ingestion> ingestion) {
		this.caches = caches.getIfAvailable(Caches::none);
		this.ingestion = ingestion;
		this.scenarios = scenarios;
		this.logs = logs;
		this.metrics = metrics;
		this.prices = prices;
		this.events = events;
		this.costs = costs;
	}

	/**
	 * The usage and AWS cost of every scenario together, hour by hour, in
	 * {@code [from, to)}: one read of the roll-ups however many scenarios there are, each
	 * hour priced with the prices in force then, and what no price covered counted apart.
	 */
	@Transactional(readOnly = true)
	public HourlyCosts costsBetween(Instant from, Instant to) {
		return this.costs.between(from, to);
	}

	@Transactional
	public Scenario create(NewScenario request) {
		checkRegion(request.region());
		checkName(request.name(), null);
		Instant now = Instant.now();
		Scenario scenario = new Scenario(UUID.randomUUID(), request.name(), request.description(), request.region(),
				ScenarioStatus.DRAFT, request.tags(), 0, request.costModel(), now, now, null, null);
		this.caches.changed(LISTED);
		try {
			this.scenarios.insert(scenario);
		}
		catch (DuplicateKeyException ex) {
			throw new DuplicateScenarioName(request.name());
		}
		this.events.publishEvent(new ScenarioEvent.Created(scenario.id(), scenario.name(), now));
		return scenario;
	}

	/**
	 * Creates every scenario or none: a taken name, a name given twice or an unknown
	 * region anywhere refuses the whole batch.
	 */
	@Transactional
	public List<Scenario> createAll(List<NewScenario> requests) {
		checkBulkSize(requests.size());
		Set<String> names = new HashSet<>();
		for (NewScenario request : requests) {
			if (!names.add(request.name())) {
				throw new DuplicateScenarioName(request.name());
			}
		}
		return requests.stream().map(this::create).toList();
	}

	/**
	 * Deletes every scenario or none: an unknown or running one anywhere refuses the
	 * whole batch.
	 */
	@Transactional
	public void deleteAll(List<UUID> ids) {
		checkBulkSize(ids.size());
		Set<UUID> distinct = new LinkedHashSet<>(ids);
		distinct.forEach(this::get);
		distinct.forEach(this::delete);
	}

	@Transactional(readOnly = true)
	public Scenario get(UUID id) {
		return this.scenarios.findById(id).orElseThrow(() -> new ScenarioNotFound(id));
	}

	/**
	 * A page of the scenarios the filter matches, newest first; how many match is cached
	 * (until a scenario is created, changed or deleted), the page's rows are read afresh
	 * (their log counts move with ingestion).
	 */
	@Transactional(readOnly = true)
	public Page<Scenario> list(ScenarioFilter filter, int page, int pageSize) {
		long total = this.caches.get(Level.QUERY, "scenario-count", filter, COUNT, () -> this.scenarios.count(filter),
				LISTED);
		return new Page<>(this.scenarios.find(filter, Page.offset(page, pageSize), pageSize), total, page, pageSize);
	}

	/**
	 * The first scenarios the filter matches, in the list's order, without counting them
	 * all.
	 */
	@Transactional(readOnly = true)
	public List<Scenario> first(ScenarioFilter filter, int limit) {
		return this.scenarios.find(filter, 0, limit);
	}

	/**
	 * The scenario's usage and AWS cost, as {@code GET /api/v1/scenarios/{id}/metrics}
	 * answers it.
	 * @param id the scenario
	 * @param granularity the bucket of the time series
	 * @param from the first hour (truncated to the hour), or {@code null} for no lower
	 * bound
	 * @param to the end (exclusive), or {@code null} for no upper bound
	 * @return the metrics of the hours that start in {@code [from, to)}
	 */
	@Transactional(readOnly = true)
	public ScenarioMetrics metrics(UUID id, Granularity granularity, @Nullable Instant from, @Nullable Instant to) {
		return this.caches.get(Level.QUERY, "scenario-metrics", id + "|" + granularity + "|" + from + "|" + to, METRICS,
				() -> this.metrics.of(get(id), granularity, from, to), dataSet(id), Pricing.PRICES);
	}

	/**
	 * Stores sample logs into a running scenario as if each had arrived at its own moment
	 * (the demo data's month of traffic), inspected and rolled up like ingested ones, in
	 * one transaction.
	 * @param id the scenario
	 * @param logs the messages with their arrival times
	 * @return how many were stored
	 */
	public int importLogs(UUID id, List<TimedLog> logs) {
		List<IncomingLog> messages = logs.stream().map((log) -> new IncomingLog(log.message(), log.source())).toList();
		return this.ingestion.getObject().ingestAt(id, messages, (i) -> logs.get(i).receivedAt()).size();
	}

	/**
	 * How many scenarios there are: the list's count without a filter, cached as it is
	 * (the empty pages' demo offer asks on every view).
	 */
	public long count() {
		ScenarioFilter all = new ScenarioFilter(null, null, null);
		return this.caches.get(Level.QUERY, "scenario-count", all, COUNT, () -> this.scenarios.count(all), LISTED);
	}

	/**
	 * A log message that arrived at a known moment.
	 *
	 * @param message the text
	 * @param source where it came from
	 * @param receivedAt when it arrived
	 */
	public record TimedLog(String message, String source, Instant receivedAt) {

	}

	/**
	 * The data set of one scenario's cached reads: its settings, status, logs and
	 * roll-ups. Whatever changes them marks it changed (a log ingested or imported, a
	 * change of its settings or status, the retention sweep, its deletion).
	 */
	public static String dataSet(UUID scenario) {
		return DATA_SET_PREFIX + scenario;
	}

	/** One page of the scenario's stored logs, newest first. */
	@Transactional(readOnly = true)
	public Page<StoredLog> logs(UUID id, @Nullable Boolean hasPii, @Nullable String source, int page, int pageSize) {
		return logs(get(id), hasPii, source, page, pageSize);
	}

	/**
	 * One page of the logs of a scenario the caller has just read, newest first, without
	 * reading it again.
	 */
	@Transactional(readOnly = true)
	public Page<StoredLog> logs(Scenario scenario, @Nullable Boolean hasPii, @Nullable String source, int page,
			int pageSize) {
		UUID id = scenario.id();
		long total = (hasPii == null && source == null) ? scenario.totalRequests()
				: this.logs.count(id, hasPii, source);
		return new Page<>(this.logs.find(id, hasPii, source, Page.offset(page, pageSize), pageSize), total, page,
				pageSize);
	}

	/**
	 * Hands every stored log of the scenario to {@code action}, oldest first, reading
	 * them in chunks rather than all at once, so a report can walk millions of logs in
	 * little memory. Runs in one read-only transaction.
	 */
	@Transactional(readOnly = true)
	public void forEachLog(UUID id, Consumer<StoredLog> action) {
		get(id);
		this.logs.forEach(id, action);
	}

	/** The scenario's first {@code limit} logs, oldest first. */
	@Transactional(readOnly = true)
	public List<StoredLog> firstLogs(UUID id, int limit) {
		get(id);
		return this.logs.oldest(id, limit);
	}

	@Transactional
	public Scenario update(UUID id, ScenarioChanges changes) {
		Scenario current = get(id);
		if (changes.region() != null) {
			checkRegion(changes.region());
		}
		if (changes.name() != null) {
			checkName(changes.name(), id);
		}
		Scenario updated = changes.applyTo(current, Instant.now());
		save(updated, current.status());
		if (!updated.region().equals(current.region()) || !updated.costModel().equals(current.costModel())) {
			// a new region or cost model re-prices the scenario's past hours
			this.caches.changed(ScenarioCosts.SETTLED);
			this.caches.changed(COSTS);
		}
		this.events.publishEvent(new ScenarioEvent.Updated(id, updated.name(), updated.updatedAt()));
		return updated;
	}

	/** Deletes a scenario that is not running, with its logs and roll-ups. */
	@Transactional
	public void delete(UUID id) {
		Scenario current = get(id);
		if (current.isRunning()) {
			throw new ScenarioStillRunning(id);
		}
		this.caches.changed(dataSet(id));
		this.caches.changed(ScenarioCosts.SETTLED);
		this.caches.changed(COSTS);
		this.caches.changed(LISTED);
		this.scenarios.delete(id);
		this.events.publishEvent(new ScenarioEvent.Deleted(id, current.name(), Instant.now()));
	}

	@Transactional
	public Scenario start(UUID id) {
		Scenario started = transition(id, Scenario::start);
		this.events.publishEvent(new ScenarioEvent.Started(id, started.name(), started.updatedAt()));
		return started;
	}

	@Transactional
	public Scenario stop(UUID id) {
		Scenario stopped = transition(id, Scenario::stop);
		this.events.publishEvent(new ScenarioEvent.Stopped(id, stopped.name(), stopped.updatedAt()));
		return stopped;
	}

	@Transactional
	public Scenario archive(UUID id) {
		Scenario archived = transition(id, Scenario::archive);
		this.events.publishEvent(new ScenarioEvent.Archived(id, archived.name(), archived.updatedAt()));
		return archived;
	}

	private Scenario transition(UUID id, BiFunction<Scenario, Instant, Scenario> move) {
		Scenario current = get(id);
		Scenario moved = move.apply(current, Instant.now());
		save(moved, current.status());
		return moved;
	}

	private void save(Scenario scenario, ScenarioStatus expected) {
		this.caches.changed(dataSet(scenario.id()));
		this.caches.changed(LISTED);
		try {
			if (!this.scenarios.update(scenario, expected)) {
				ScenarioStatus now = this.scenarios.findStatus(scenario.id())
					.orElseThrow(() -> new ScenarioNotFound(scenario.id()));
				throw new IllegalScenarioTransition(scenario.id(), now, scenario.status());
			}
		}
		catch (DuplicateKeyException ex) {
			throw new DuplicateScenarioName(scenario.name());
		}
	}

	private static void checkBulkSize(int size) {
		if (size < 1 || size > BULK_LIMIT) {
			throw new InvalidRequest("A bulk request holds 1 to " + BULK_LIMIT + " scenarios, this one has " + size);
		}
	}

	private void checkRegion(String region) {
		if (!this.prices.awsRegions().contains(region)) {
			throw new UnknownRegion(region);
		}
	}

	private void checkName(String name, @Nullable UUID except) {
		if (this.scenarios.nameTaken(name, except)) {
			throw new DuplicateScenarioName(name);
		}
	}

}
