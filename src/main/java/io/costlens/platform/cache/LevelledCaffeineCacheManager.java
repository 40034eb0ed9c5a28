package io.costlens.platform.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.cache.caffeine.CaffeineCacheManager;

/**
 * Caffeine caches created on first use, each with its level's time to live and the
 * configured size bound, their size and evictions exported as meters.
 */
class LevelledCaffeineCacheManager extends CaffeineCacheManager {

	private final CacheProperties properties;

	private final MeterRegistry meters;

	LevelledCaffeineCacheManager(CacheProperties properties, MeterRegistry meters) {
		this.properties = properties;
		this.meters = meters;
		setAllowNullValues(false);
	}

	@Override
	protected Cache<Object, Object> createNativeCaffeineCache(String name) {
		Cache<Object, Object> cache = Caffeine.newBuilder()
			.expireAfterWrite(this.properties.ttlOf(name))
			.maximumSize(this.properties.maxEntries())
			.recordStats()
			.build();
		String level = name.substring(0, Math.max(0, name.indexOf('.')));
		Gauge.builder("costlens.cache.size", cache, Cache::estimatedSize)
			.description("Entries in the cache (in this JVM)")
			.tag("cache", name)
			.tag("level", level)
			.register(this.meters);
		FunctionCounter.builder("costlens.cache.evictions", cache, (c) -> c.stats().evictionCount())
			.description("Entries evicted for size or age")
			.tag("cache", name)
			.tag("level", level)
			.register(this.meters);
		return cache;
	}

}
