package io.costlens.platform.cache;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Generations in Redis, shared by every instance: a write on one instance makes the
 * entries every instance cached from that data set stale at once.
 */
class RedisGenerations implements Generations {

	private final StringRedisTemplate redis;

	private final String prefix;

	private final Duration keep;

	RedisGenerations(StringRedisTemplate redis, String prefix, Duration keep) {
		this.redis = redis;
		this.prefix = prefix + "gen:";
		this.keep = keep;
	}

	@Override
	public String of(String dataSet) {
		String key = this.prefix + dataSet;
		String current = this.redis.opsForValue().get(key);
		if (current != null) {
			return current;
		}
		this.redis.opsForValue().setIfAbsent(key, random(), this.keep);
		String set = this.redis.opsForValue().get(key);
		return (set != null) ? set : random();
	}

	@Override
	public void bump(String dataSet) {
		String key = this.prefix + dataSet;
		Long next = this.redis.opsForValue().increment(key);
		if (next != null && next == 1L) {
			// it had expired: start from a random value, never from a number used before
			this.redis.opsForValue().set(key, random(), this.keep);
		}
		else {
			this.redis.expire(key, this.keep);
		}
	}

	private static String random() {
		return Long.toString(ThreadLocalRandom.current().nextLong(Long.MAX_VALUE / 2), 10);
	}

}
