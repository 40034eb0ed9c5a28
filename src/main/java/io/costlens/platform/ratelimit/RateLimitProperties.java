package io.costlens.platform.ratelimit;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Request rate limits per API key, user or (for anonymous callers) client IP.
 *
 * @param enabled whether requests are limited at all
 * @param tiers the limit of each tier by name; a caller whose tier is not listed gets
 * {@code free}'s, and {@code unlimited} is never limited
 * @param redisKeyPrefix the prefix of the bucket keys in Redis, when Redis is configured
 * @param idleBucketExpiry how long the in-memory bucket of an idle caller is kept
 */
@ConfigurationProperties("costlens.ratelimit")
public record RateLimitProperties(@DefaultValue("true") boolean enabled, Map<String, TierLimit> tiers,
		@DefaultValue("costlens:ratelimit:") String redisKeyPrefix, @DefaultValue("10m") Duration idleBucketExpiry) {

	public RateLimitProperties {
		tiers = Map.copyOf(tiers);
	}

	/** The limit of a tier; {@code null} for {@code unlimited}. */
	TierLimit limitOf(String tier) {
		if ("unlimited".equals(tier)) {
			return null;
		}
		TierLimit limit = this.tiers.get(tier);
		return (limit != null) ? limit : this.tiers.getOrDefault("free", TierLimit.FREE);
	}

	/**
	 * One tier: a bucket of {@code burst} tokens, refilled smoothly at {@code perMinute}
	 * tokens a minute. A quiet client may send {@code burst} requests at once; a busy one
	 * is held to {@code perMinute} a minute.
	 *
	 * @param perMinute the sustained rate
	 * @param burst how many requests may arrive at once
	 */
	public record TierLimit(long perMinute, long burst) {

		static final TierLimit FREE = new TierLimit(100, 10);

	}

}
