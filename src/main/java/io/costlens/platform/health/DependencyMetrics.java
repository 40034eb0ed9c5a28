package io.costlens.platform.health;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.stereotype.Component;

/**
 * {@code costlens.dependency.up}: 1 while the database (and Redis, when configured)
 * answers, 0 while it does not, read at each scrape with the probes {@code /health} uses.
 */
@Component
class DependencyMetrics implements MeterBinder {

	private final DatabaseProbe database;

	private final RedisProbe redis;

	DependencyMetrics(DatabaseProbe database, RedisProbe redis) {
		this.database = database;
		this.redis = redis;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("costlens.dependency.up", this.database, (probe) -> probe.isUp() ? 1 : 0)
			.description("Whether the dependency answers (1) or not (0)")
			.tag("dependency", "database")
			.register(registry);
		if (this.redis.isConfigured()) {
			Gauge.builder("costlens.dependency.up", this.redis, (probe) -> probe.isUp() ? 1 : 0)
				.description("Whether the dependency answers (1) or not (0)")
				.tag("dependency", "redis")
				.register(registry);
		}
	}

}
