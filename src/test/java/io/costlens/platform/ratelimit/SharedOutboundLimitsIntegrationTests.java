package io.costlens.platform.ratelimit;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import io.costlens.platform.ratelimit.RateLimitProperties.TierLimit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Outbound call limits: one bucket per remote, shared by every caller of an instance and,
 * through Redis, by every instance.
 */
class SharedOutboundLimitsIntegrationTests {

	private final RateLimitProperties properties = new RateLimitProperties(true, Map.of("free", new TierLimit(100, 10)),
			"costlens:test:" + UUID.randomUUID() + ":", Duration.ofMinutes(10));

	private final String remote = "remote-" + UUID.randomUUID();

	@Test
	void grantsTheBurstAndThenWaitsForTheRefill() throws InterruptedException {
		LocalRateLimiter buckets = new LocalRateLimiter(this.properties);
		SharedOutboundLimits limits = new SharedOutboundLimits(buckets, buckets);

		long started = System.nanoTime();
		for (int i = 0; i < 30; i++) {
			assertThat(limits.acquire(this.remote, 30, Duration.ZERO)).isTrue();
		}
		assertThat(limits.acquire(this.remote, 30, Duration.ZERO)).isFalse();
		assertThat(limits.acquire(this.remote, 30, Duration.ofSeconds(5))).isTrue();

		assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThan(Duration.ofMillis(1900));
	}

	@Test
	@EnabledIfEnvironmentVariable(named = "COSTLENS_TEST_REDIS_URL", matches = ".+",
			disabledReason = "set COSTLENS_TEST_REDIS_URL to run the tests that need a real Redis")
	void sharesOneBucketAcrossInstancesThroughRedis() throws InterruptedException {
		String url = System.getenv("COSTLENS_TEST_REDIS_URL");
		RedisRateLimiter first = new RedisRateLimiter(url, this.properties.redisKeyPrefix());
		RedisRateLimiter second = new RedisRateLimiter(url, this.properties.redisKeyPrefix());
		try {
			SharedOutboundLimits one = new SharedOutboundLimits(first, new LocalRateLimiter(this.properties));
			SharedOutboundLimits other = new SharedOutboundLimits(second, new LocalRateLimiter(this.properties));

			assertThat(one.acquire(this.remote, 3, Duration.ZERO)).isTrue();
			assertThat(other.acquire(this.remote, 3, Duration.ZERO)).isTrue();
			assertThat(one.acquire(this.remote, 3, Duration.ZERO)).isTrue();
			assertThat(other.acquire(this.remote, 3, Duration.ZERO)).isFalse();
			assertThat(one.acquire(this.remote, 3, Duration.ZERO)).isFalse();
		}
		finally {
			first.destroy();
			second.destroy();
		}
	}

	@Test
	void keepsLimitingOnItsOwnBucketsWhenRedisIsUnreachable() throws InterruptedException {
		RedisRateLimiter unreachable = new RedisRateLimiter("redis://127.0.0.1:1", this.properties.redisKeyPrefix());
		try {
			SharedOutboundLimits limits = new SharedOutboundLimits(unreachable, new LocalRateLimiter(this.properties));

			assertThat(limits.acquire(this.remote, 2, Duration.ZERO)).isTrue();
			assertThat(limits.acquire(this.remote, 2, Duration.ZERO)).isTrue();
			assertThat(limits.acquire(this.remote, 2, Duration.ZERO)).isFalse();
		}
		finally {
			unreachable.destroy();
		}
	}

}
