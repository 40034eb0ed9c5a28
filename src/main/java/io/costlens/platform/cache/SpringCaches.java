package io.costlens.platform.cache;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.type.TypeReference;

import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.cache.caffeine.CaffeineCache;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import io.costlens.platform.Caches;
import io.costlens.platform.CurrentUser;

/**
 * {@link Caches} on a Spring {@link CacheManager}. Entries go in as they are (Caffeine)
 * or as JSON (Redis, through {@link EntryCodec}); hits and misses are counted per cache.
 * While the store fails (Redis down) every read is computed afresh and nothing is cached;
 * the data sets changed meanwhile are remembered and moved on in the store before it is
 * read again, so no entry cached before the outage hides a write made during it.
 */
class SpringCaches implements Caches {

	private static final Logger log = LoggerFactory.getLogger(SpringCaches.class);

	/** The query parameter that skips the cache for one request. */
	static final String REFRESH = "refresh";

	private final CacheManager manager;

	private final Generations generations;

	private final EntryCodec codec;

	private final MeterRegistry meters;

	private final boolean enabled;

	private final Map<String, Counter[]> counters = new ConcurrentHashMap<>();

	/**
	 * Data sets changed while the store failed, whose generations it has yet to move on.
	 */
	private final Set<String> unsent = ConcurrentHashMap.newKeySet();

	private final AtomicBoolean storeDown = new AtomicBoolean();

	SpringCaches(CacheManager manager, Generations generations, EntryCodec codec, MeterRegistry meters,
			boolean enabled) {
		this.manager = manager;
		this.generations = generations;
		this.codec = codec;
		this.meters = meters;
		this.enabled = enabled;
	}

	@Override
	public <T> T get(Level level, String cache, Object key, TypeReference<T> type, Supplier<T> loader,
			String... dataSets) {
		return read(level.prefix() + "." + cache, String.valueOf(key), type, loader, dataSets);
	}

	@Override
	public <T> T getForCaller(Level level, String cache, Object key, TypeReference<T> type, Supplier<T> loader,
			String... dataSets) {
		String caller = CurrentUser.current().map((user) -> user.userId() + "/" + user.role()).orElse("anonymous");
		return read(level.prefix() + "." + cache, caller + "|" + key, type, loader, dataSets);
	}

	/**
	 * Inside a transaction the data set moves on now and again when it ends, so a read in
	 * between cannot keep the old rows under the new generation.
	 */
	@Override
	public void changed(String dataSet) {
		if (!this.enabled) {
			return;
		}
		bump(dataSet);
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					bump(dataSet);
				}
			});
		}
	}

	@Override
	public @Nullable String generations(String... dataSets) {
		if (!this.enabled) {
			return null;
		}
		try {
			sendUnsentChanges();
			return versioned("", dataSets);
		}
		catch (RuntimeException ex) {
			storeFailed(ex);
			return null;
		}
	}

	private void bump(String dataSet) {
		try {
			this.generations.bump(dataSet);
		}
		catch (RuntimeException ex) {
			this.unsent.add(dataSet);
			storeFailed(ex);
		}
	}

	private <T> T read(String name, String key, TypeReference<T> type, Supplier<T> loader, String[] dataSets) {
		if (!this.enabled) {
			return loader.get();
		}
		Cache cache = this.manager.getCache(name);
		if (cache == null) {
			return loader.get();
		}
		Counter[] hitMiss = this.counters.computeIfAbsent(name, this::register);
		String fullKey;
		Cache.ValueWrapper cached;
		try {
			sendUnsentChanges();
			fullKey = versioned(key, dataSets);
			cached = refreshRequested() ? null : cache.get(fullKey);
			if (this.storeDown.compareAndSet(true, false)) {
				log.info("The cache store answers again: reads are cached again");
			}
		}
		catch (RuntimeException ex) {
			storeFailed(ex);
			hitMiss[1].increment();
			return loader.get();
		}
		if (cached != null && cached.get() != null) {
			hitMiss[0].increment();
			return this.codec.decode(cached.get(), type);
		}
		hitMiss[1].increment();
		T value = loader.get();
		try {
			cache.put(fullKey, this.codec.encode(value));
		}
		catch (RuntimeException ex) {
			storeFailed(ex);
		}
		return value;
	}

	/**
	 * Moves on the data sets changed while the store failed; throws while it still does.
	 */
	private void sendUnsentChanges() {
		for (String dataSet : this.unsent) {
			if (this.unsent.remove(dataSet)) {
				try {
					this.generations.bump(dataSet);
				}
				catch (RuntimeException ex) {
					this.unsent.add(dataSet);
					throw ex;
				}
			}
		}
	}

	private void storeFailed(RuntimeException ex) {
		if (this.storeDown.compareAndSet(false, true)) {
			log.warn("The cache store failed ({}): reads are computed afresh, uncached, until it answers again",
					ex.toString());
		}
	}

	private String versioned(String key, String[] dataSets) {
		StringBuilder full = new StringBuilder();
		for (String dataSet : dataSets) {
			full.append(this.generations.of(dataSet)).append('.');
		}
		return full.append('|').append(key).toString();
	}

	private Counter[] register(String name) {
		String level = name.substring(0, name.indexOf('.'));
		return new Counter[] { counter(name, level, "hit"), counter(name, level, "miss") };
	}

	private Counter counter(String name, String level, String result) {
		return Counter.builder("costlens.cache.gets")
			.description("Cache lookups by result (hit or miss; ?refresh=true counts as a miss)")
			.tag("cache", name)
			.tag("level", level)
			.tag("result", result)
			.register(this.meters);
	}

	/** Each cache used so far, by name, with its counts. */
	List<CacheStats> stats() {
		List<CacheStats> stats = new ArrayList<>();
		for (String name : new TreeSet<>(this.manager.getCacheNames())) {
			Counter[] hitMiss = this.counters.get(name);
			Long size = null;
			Long evictions = null;
			if (this.manager.getCache(name) instanceof CaffeineCache caffeine) {
				size = caffeine.getNativeCache().estimatedSize();
				evictions = caffeine.getNativeCache().stats().evictionCount();
			}
			stats.add(new CacheStats(name, name.substring(0, name.indexOf('.')),
					(hitMiss != null) ? (long) hitMiss[0].count() : 0,
					(hitMiss != null) ? (long) hitMiss[1].count() : 0, size, evictions));
		}
		return stats;
	}

	/** The store the caches live in: {@code caffeine} or {@code redis}. */
	String store() {
		return (this.manager instanceof LevelledRedisCacheManager) ? "redis" : "caffeine";
	}

	/**
	 * One cache's counts on this instance since it started.
	 *
	 * @param name the cache, e.g. {@code query.scenario-metrics}
	 * @param level its level: query, report or price
	 * @param hits lookups answered from the cache
	 * @param misses lookups computed afresh (refreshes included)
	 * @param size entries held (Caffeine; {@code null} on Redis, which shares entries
	 * across instances and expires them itself)
	 * @param evictions entries evicted for size or age (Caffeine; {@code null} on Redis)
	 */
	record CacheStats(String name, String level, long hits, long misses, @Nullable Long size,
			@Nullable Long evictions) {

	}

	private static boolean refreshRequested() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			@Nullable HttpServletRequest request = attributes.getRequest();
			return "true".equalsIgnoreCase(request.getParameter(REFRESH));
		}
		return false;
	}

}
