package io.costlens.platform.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

import io.costlens.platform.ratelimit.RateLimitProperties.TierLimit;

/** Buckets in this instance's memory: the default, exact for a single instance. */
class LocalRateLimiter extends RateLimiter {

	private final Cache<String, Bucket> buckets;

	LocalRateLimiter(RateLimitProperties properties) {
		this.buckets = Caffeine.newBuilder()
			.maximumSize(100_000)
			.expireAfterAccess(properties.idleBucketExpiry())
			.build();
	}

	@Override
	ConsumptionProbe consume(String key, TierLimit limit) {
		Bucket bucket = this.buckets.get(key + "|" + limit.perMinute() + "/" + limit.burst(),
				(k) -> Bucket.builder().addLimit(configurationOf(limit).getBandwidths()[0]).build());
		return bucket.tryConsumeAndReturnRemaining(1);
	}

}
