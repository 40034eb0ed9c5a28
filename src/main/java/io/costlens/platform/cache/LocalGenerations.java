package io.costlens.platform.cache;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/** Generations in this JVM, beside a Caffeine cache. */
class LocalGenerations implements Generations {

	private final Cache<String, Long> generations;

	LocalGenerations(Duration keep) {
		this.generations = Caffeine.newBuilder().expireAfterAccess(keep).build();
	}

	@Override
	public String of(String dataSet) {
		return Long.toString(this.generations.get(dataSet, (key) -> ThreadLocalRandom.current().nextLong()), 36);
	}

	@Override
	public void bump(String dataSet) {
		this.generations.asMap()
			.merge(dataSet, ThreadLocalRandom.current().nextLong(), (old, random) -> old + 1 + (random & 0xffff));
	}

}
