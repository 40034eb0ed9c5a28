package io.costlens.platform.cache;

import org.jspecify.annotations.Nullable;

import org.springframework.data.redis.cache.RedisCache;
import org.springframework.data.redis.cache.RedisCacheConfiguration;
import org.springframework.data.redis.cache.RedisCacheManager;
import org.springframework.data.redis.cache.RedisCacheWriter;

/** Redis caches created on first use, each with its level's time to live. */
class LevelledRedisCacheManager extends RedisCacheManager {

	private final CacheProperties properties;

	LevelledRedisCacheManager(RedisCacheWriter writer, RedisCacheConfiguration defaults, CacheProperties properties) {
		super(writer, defaults);
		this.properties = properties;
	}

	@Override
	protected RedisCache createRedisCache(String name, @Nullable RedisCacheConfiguration configuration) {
		RedisCacheConfiguration base = (configuration != null) ? configuration : getDefaultCacheConfiguration();
		return super.createRedisCache(name, base.entryTtl(this.properties.ttlOf(name)));
	}

}
