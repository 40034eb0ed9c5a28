package io.costlens.platform.cache;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The cache ({@code costlens.cache}).
 *
 * @param enabled whether reads are cached at all
 * @param queryTtl how long query results live
 * @param reportTtl how long reports live
 * @param priceTtl how long prices live
 * @param maxEntries the most entries one cache holds in the JVM (Caffeine); Redis evicts
 * by its own {@code maxmemory} policy
 * @param redisKeyPrefix the prefix of every cache key in Redis
 */
@ConfigurationProperties("costlens.cache")
public record CacheProperties(@DefaultValue("true") boolean enabled, @DefaultValue("5m") Duration queryTtl,
		@DefaultValue("1h") Duration reportTtl, @DefaultValue("24h") Duration priceTtl,
		@DefaultValue("10000") long maxEntries, @DefaultValue("costlens:cache:") String redisKeyPrefix) {

	Duration ttlOf(String cacheName) {
		if (cacheName.startsWith("report.")) {
			return this.reportTtl;
		}
		return cacheName.startsWith("price.") ? this.priceTtl : this.queryTtl;
	}

	Duration longestTtl() {
		Duration longest = this.queryTtl;
		for (Duration ttl : new Duration[] { this.reportTtl, this.priceTtl }) {
			if (ttl.compareTo(longest) > 0) {
				longest = ttl;
			}
		}
		return longest;
	}

}
