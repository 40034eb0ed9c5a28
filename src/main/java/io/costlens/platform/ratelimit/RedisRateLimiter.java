package io.costlens.platform.ratelimit;

import java.time.Duration;

import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;

import io.costlens.platform.ratelimit.RateLimitProperties.TierLimit;

/**
 * Buckets in Redis, shared by every instance (compare-and-swap on each take). Connects on
 * first use, so the service starts while Redis is down.
 */
class RedisRateLimiter extends RateLimiter implements DisposableBean {

	private final String url;

	private final String prefix;

	private @Nullable RedisClient client;

	private @Nullable StatefulRedisConnection<String, byte[]> connection;

	private @Nullable ProxyManager<String> buckets;

	private long retryConnectAt;

	RedisRateLimiter(String url, String prefix) {
		this.url = url;
		this.prefix = prefix;
	}

	@Override
	ConsumptionProbe consume(String key, TierLimit limit) {
		String bucketKey = this.prefix + key + ":" + limit.perMinute() + "-" + limit.burst();
		return buckets().getProxy(bucketKey, supplierOf(limit)).tryConsumeAndReturnRemaining(1);
	}

	private synchronized ProxyManager<String> buckets() {
		if (this.buckets == null) {
			if (System.currentTimeMillis() < this.retryConnectAt) {
				throw new IllegalStateException("Redis was unreachable moments ago");
			}
			this.retryConnectAt = System.currentTimeMillis() + 10_000;
			if (this.client == null) {
				RedisURI uri = RedisURI.create(this.url);
				uri.setTimeout(Duration.ofSeconds(2));
				this.client = RedisClient.create(uri);
				// while Redis is unreachable a take fails at once (the request goes
				// through) instead of waiting for the reconnection
				this.client.setOptions(ClientOptions.builder()
					.socketOptions(SocketOptions.builder().connectTimeout(Duration.ofSeconds(2)).build())
					.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
					.build());
			}
			this.connection = this.client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
			this.buckets = Bucket4jLettuce.casBasedBuilder(this.connection)
				.expirationAfterWrite(
						ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
				.build();
		}
		return this.buckets;
	}

	@Override
	public synchronized void destroy() {
		if (this.connection != null) {
			this.connection.close();
		}
		if (this.client != null) {
			this.client.shutdown();
		}
	}

}
