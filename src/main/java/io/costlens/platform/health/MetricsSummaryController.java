package io.costlens.platform.health;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.search.Search;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.costlens.platform.ApiExample;

/**
 * {@code GET /api/v2/health/metrics}: the numbers of {@code /actuator/prometheus} an
 * operator looks at first, as one JSON document of this instance's totals since it
 * started.
 */
@RestController
@Tag(name = "Health")
class MetricsSummaryController {

	private final MeterRegistry meters;

	MetricsSummaryController(MeterRegistry meters) {
		this.meters = meters;
	}

	@GetMapping("/api/v2/health/metrics")
	@Operation(summary = "This instance's metrics in brief: HTTP, database pool, JVM, caches, jobs, group commits, "
			+ "rate-limit rejections and every Costlens counter (the full set is at /actuator/prometheus)")
	@ApiExample
	MetricsSummary summary() {
		return new MetricsSummary(Instant.now(), http(), database(), jvm(), caches(), jobs(), groupCommits(),
				counters());
	}

	private Http http() {
		long count = 0;
		long clientErrors = 0;
		long serverErrors = 0;
		double totalMs = 0;
		double maxMs = 0;
		for (Timer timer : this.meters.find("http.server.requests").timers()) {
			String status = timer.getId().getTag("status");
			count += timer.count();
			totalMs += timer.totalTime(TimeUnit.MILLISECONDS);
			maxMs = Math.max(maxMs, timer.max(TimeUnit.MILLISECONDS));
			if (status != null && status.startsWith("4")) {
				clientErrors += timer.count();
			}
			if (status != null && status.startsWith("5")) {
				serverErrors += timer.count();
			}
		}
		double bytes = this.meters.find("http.server.response.size")
			.summaries()
			.stream()
			.mapToDouble(DistributionSummary::totalAmount)
			.sum();
		return new Http(count, clientErrors, serverErrors, (count == 0) ? 0 : totalMs / count, maxMs, (long) bytes);
	}

	private Map<String, Object> database() {
		Map<String, Object> pool = new TreeMap<>();
		for (String name : new String[] { "active", "idle", "pending", "max" }) {
			pool.put("connections_" + name, gauge(this.meters.find("hikaricp.connections." + name)));
		}
		pool.put("connection_timeouts", sum(this.meters.find("hikaricp.connections.timeout")));
		return pool;
	}

	private Map<String, Object> jvm() {
		Map<String, Object> jvm = new TreeMap<>();
		jvm.put("heap_used_bytes", gauge(this.meters.find("jvm.memory.used").tag("area", "heap")));
		jvm.put("heap_max_bytes", gauge(this.meters.find("jvm.memory.max").tag("area", "heap")));
		jvm.put("threads_live", gauge(this.meters.find("jvm.threads.live")));
		jvm.put("uptime_seconds", gauge(this.meters.find("process.uptime")));
		jvm.put("cpu_usage", gauge(this.meters.find("process.cpu.usage")));
		return jvm;
	}

	private Map<String, Map<String, Object>> caches() {
		return byTag("cache.gets", "cache", (search) -> {
			Map<String, Object> cache = new TreeMap<>();
			cache.put("hits", sum(search.apply("cache.gets").tag("result", "hit")));
			cache.put("misses", sum(search.apply("cache.gets").tag("result", "miss")));
			cache.put("evictions", sum(search.apply("cache.evictions")));
			cache.put("size", gauge(search.apply("cache.size")));
			return cache;
		});
	}

	private Map<String, Map<String, Object>> jobs() {
		return byTag("costlens.jobs.started", "kind", (search) -> {
			Map<String, Object> job = new TreeMap<>();
			job.put("started", sum(search.apply("costlens.jobs.started")));
			job.put("succeeded", sum(search.apply("costlens.jobs.succeeded")));
			job.put("failed", sum(search.apply("costlens.jobs.failed")));
			return job;
		});
	}

	private Map<String, Map<String, Object>> groupCommits() {
		return byTag("costlens.group.commit.pending", "committer", (search) -> {
			Map<String, Object> committer = new TreeMap<>();
			Timer commits = search.apply("costlens.group.commit").timer();
			DistributionSummary sizes = search.apply("costlens.group.commit.batch.size").summary();
			committer.put("pending", gauge(search.apply("costlens.group.commit.pending")));
			committer.put("capacity", gauge(search.apply("costlens.group.commit.capacity")));
			committer.put("batches", (commits != null) ? commits.count() : 0);
			committer.put("mean_commit_ms", (commits != null) ? commits.mean(TimeUnit.MILLISECONDS) : 0);
			committer.put("max_commit_ms", (commits != null) ? commits.max(TimeUnit.MILLISECONDS) : 0);
			committer.put("mean_batch_size", (sizes != null) ? sizes.mean() : 0);
			committer.put("max_batch_size", (sizes != null) ? sizes.max() : 0);
			committer.put("failures", sum(search.apply("costlens.group.commit.failures")));
			return committer;
		});
	}

	/** Every Costlens counter, summed over its tags. */
	private Map<String, Double> counters() {
		Map<String, Double> counters = new TreeMap<>();
		for (Meter meter : this.meters.getMeters()) {
			String name = meter.getId().getName();
			double value = (meter instanceof Counter counter) ? counter.count()
					: (meter instanceof FunctionCounter function) ? function.count() : Double.NaN;
			if (name.startsWith("costlens.") && !Double.isNaN(value)) {
				counters.merge(name, value, Double::sum);
			}
		}
		return counters;
	}

	/**
	 * One entry per value of {@code tag} on {@code name}, built from searches narrowed to
	 * it.
	 */
	private Map<String, Map<String, Object>> byTag(String name, String tag,
			Function<Function<String, Search>, Map<String, Object>> entry) {
		Map<String, Map<String, Object>> result = new TreeMap<>();
		for (Meter meter : this.meters.find(name).meters()) {
			String value = meter.getId().getTag(tag);
			if (value != null && !result.containsKey(value)) {
				result.put(value, entry.apply((meterName) -> this.meters.find(meterName).tag(tag, value)));
			}
		}
		return result;
	}

	private static double sum(Search search) {
		return search.meters().stream().mapToDouble(MetricsSummaryController::valueOf).sum();
	}

	private static double gauge(Search search) {
		return search.gauges().stream().mapToDouble(Gauge::value).filter((v) -> !Double.isNaN(v)).sum();
	}

	private static double valueOf(Meter meter) {
		if (meter instanceof Counter counter) {
			return counter.count();
		}
		if (meter instanceof FunctionCounter counter) {
			return counter.count();
		}
		if (meter instanceof Gauge gauge) {
			return gauge.value();
		}
		return 0;
	}

	/**
	 * The summary.
	 *
	 * @param generatedAt when it was read
	 * @param http requests answered, by class, with the mean and slowest duration and the
	 * bytes sent
	 * @param database the connection pool
	 * @param jvm memory, threads, uptime and CPU
	 * @param caches per cache: hits, misses, evictions, entries
	 * @param jobs per job kind: runs started, succeeded and failed
	 * @param groupCommits per committer: items waiting, batches, batch sizes, commit
	 * times
	 * @param counters every Costlens counter (logs ingested, PII found, predictions
	 * logged, traces imported, rate-limit rejections, …), summed over its labels
	 */
	record MetricsSummary(Instant generatedAt, Http http, Map<String, Object> database, Map<String, Object> jvm,
			Map<String, Map<String, Object>> caches, Map<String, Map<String, Object>> jobs,
			Map<String, Map<String, Object>> groupCommits, Map<String, Double> counters) {

	}

	/**
	 * HTTP requests answered since start.
	 *
	 * @param requests all of them
	 * @param clientErrors those answered 4xx
	 * @param serverErrors those answered 5xx
	 * @param meanMs the mean duration
	 * @param maxMs the slowest recently
	 * @param responseBytes response body bytes sent
	 */
	record Http(long requests, long clientErrors, long serverErrors, double meanMs, double maxMs, long responseBytes) {

	}

}
