package io.costlens.platform.cache;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
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
 */
class SpringCaches implements Caches {

	/** The query parameter that skips the cache for one request. */
	static final String REFRESH = "refresh";

	private final CacheManager manager;

	private final Generations generations;

	private final EntryCodec codec;

	private final MeterRegistry meters;

	private final boolean enabled;

	private final Map<String, Counter[]> counters = new ConcurrentHashMap<>();

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
		this.generations.bump(dataSet);
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					SpringCaches.this.generations.bump(dataSet);
				}
			});
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
		String fullKey = versioned(key, dataSets);
		Counter[] hitMiss = this.counters.computeIfAbsent(name, this::register);
		if (!refreshRequested()) {
			Cache.ValueWrapper cached = cache.get(fullKey);
			if (cached != null && cached.get() != null) {
				hitMiss[0].increment();
				return this.codec.decode(cached.get(), type);
			}
		}
		hitMiss[1].increment();
		T value = loader.get();
		cache.put(fullKey, this.codec.encode(value));
		return value;
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
