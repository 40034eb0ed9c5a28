package io.costlens.platform.health;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.stereotype.Component;

/**
 * {@code costlens.dependency.up}: 1 while the database (and Redis, when configured)
 * answers, 0 while it does not, read at each scrape from the state the background probes
 * keep for {@code /health} (a scrape adds no round trip of its own).
 */
@Component
class DependencyMetrics implements MeterBinder {

	private final DependencyState state;

	private final RedisProbe redis;

	DependencyMetrics(DependencyState state, RedisProbe redis) {
		this.state = state;
		this.redis = redis;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("costlens.dependency.up", this.state, (state) -> state.database().up() ? 1 : 0)
			.description("Whether the dependency answers (1) or not (0)")
			.tag("dependency", "database")
			.register(registry);
		if (this.redis.isConfigured()) {
			Gauge.builder("costlens.dependency.up", this.state, (state) -> {
				DependencyState.Probe probe = state.redis();
				return (probe != null && probe.up()) ? 1 : 0;
			})
				.description("Whether the dependency answers (1) or not (0)")
				.tag("dependency", "redis")
				.register(registry);
		}
	}

}
