package io.costlens.platform.cache;

import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.cache.BatchStrategies;
import org.springframework.data.redis.cache.CacheStatisticsCollector;
import org.springframework.data.redis.cache.RedisCacheConfiguration;
import org.springframework.data.redis.cache.RedisCacheWriter;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.serializer.RedisSerializationContext.SerializationPair;
import org.springframework.data.redis.serializer.RedisSerializer;

import io.costlens.platform.EndpointRules;

/**
 * The three cache levels on Caffeine, or on Redis when it is configured
 * ({@code costlens.redis.enabled}), and their statistics for admins.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CacheProperties.class)
class CacheConfiguration {

	@Bean
	@ConditionalOnProperty(name = "costlens.redis.enabled", havingValue = "false", matchIfMissing = true)
	SpringCaches localCaches(CacheProperties properties, MeterRegistry meters) {
		return new SpringCaches(new LevelledCaffeineCacheManager(properties, meters),
				new LocalGenerations(properties.longestTtl().multipliedBy(2)), EntryCodec.identity(), meters,
				properties.enabled());
	}

	@Bean
	@ConditionalOnProperty(name = "costlens.redis.enabled", havingValue = "true")
	SpringCaches redisCaches(CacheProperties properties, RedisConnectionFactory redis, JsonMapper json,
			MeterRegistry meters) {
		RedisCacheWriter writer = RedisCacheWriter.nonLockingRedisCacheWriter(redis, BatchStrategies.scan(1000))
			.withStatisticsCollector(CacheStatisticsCollector.create());
		RedisCacheConfiguration defaults = RedisCacheConfiguration.defaultCacheConfig()
			.prefixCacheNameWith(properties.redisKeyPrefix())
			.serializeValuesWith(SerializationPair.fromSerializer(RedisSerializer.string()))
			.disableCachingNullValues();
		LevelledRedisCacheManager manager = new LevelledRedisCacheManager(writer, defaults, properties);
		manager.initializeCaches();
		return new SpringCaches(manager, new RedisGenerations(new StringRedisTemplate(redis),
				properties.redisKeyPrefix(), properties.longestTtl().multipliedBy(2)), EntryCodec.json(json), meters,
				properties.enabled());
	}

	/** The statistics are for admins. */
	@Bean
	EndpointRules cacheEndpoints() {
		return EndpointRules.builder().adminOnly("/api/v2/cache/**").build();
	}

}
