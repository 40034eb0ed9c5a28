package io.costlens.platform.ratelimit;

import java.time.Duration;
import java.util.function.Supplier;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;

import io.costlens.platform.ratelimit.RateLimitProperties.TierLimit;

/** Takes one token from a caller's bucket, wherever the buckets live. */
abstract class RateLimiter {

	/** Takes a token from the bucket under {@code key}. */
	abstract ConsumptionProbe consume(String key, TierLimit limit);

	static BucketConfiguration configurationOf(TierLimit limit) {
		return BucketConfiguration.builder()
			.addLimit(Bandwidth.builder()
				.capacity(limit.burst())
				.refillGreedy(limit.perMinute(), Duration.ofMinutes(1))
				.initialTokens(limit.burst())
				.build())
			.build();
	}

	static Supplier<BucketConfiguration> supplierOf(TierLimit limit) {
		return () -> configurationOf(limit);
	}

}
