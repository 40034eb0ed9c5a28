package io.costlens.platform.ratelimit;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.github.bucket4j.ConsumptionProbe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.costlens.platform.OutboundLimits;
import io.costlens.platform.ratelimit.RateLimitProperties.TierLimit;

/**
 * Outbound call limits in the same bucket store as the request limits (memory, or Redis
 * when configured). When Redis fails, this instance keeps limiting on its own buckets
 * rather than calling the remote unthrottled.
 */
class SharedOutboundLimits implements OutboundLimits {

	private static final Logger log = LoggerFactory.getLogger(SharedOutboundLimits.class);

	private static final long MIN_SLEEP_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

	private final RateLimiter buckets;

	private final RateLimiter fallback;

	SharedOutboundLimits(RateLimiter buckets, RateLimiter fallback) {
		this.buckets = buckets;
		this.fallback = fallback;
	}

	@Override
	public boolean acquire(String remote, int perMinute, Duration maxWait) throws InterruptedException {
		TierLimit limit = new TierLimit(perMinute, perMinute);
		long deadline = System.nanoTime() + maxWait.toNanos();
		while (true) {
			ConsumptionProbe probe = consume("outbound:" + remote, limit);
			if (probe.isConsumed()) {
				return true;
			}
			long wait = Math.max(probe.getNanosToWaitForRefill(), MIN_SLEEP_NANOS);
			if (System.nanoTime() + wait > deadline) {
				return false;
			}
			TimeUnit.NANOSECONDS.sleep(wait);
		}
	}

	private ConsumptionProbe consume(String key, TierLimit limit) {
		if (this.buckets == this.fallback) {
			return this.fallback.consume(key, limit);
		}
		try {
			return this.buckets.consume(key, limit);
		}
		catch (RuntimeException ex) {
			log.warn("Outbound limits fall back to this instance's buckets: the shared store failed ({})",
					ex.toString());
			return this.fallback.consume(key, limit);
		}
	}

}
