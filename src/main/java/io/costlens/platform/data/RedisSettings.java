package io.costlens.platform.data;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Turns Redis on when it is configured, through {@code costlens.redis.url} or Spring's
 * own {@code spring.data.redis.*} properties, and records that in
 * {@code costlens.redis.enabled} so that shared rate limits, caches and health checks
 * know whether to use it. Without Redis, Spring Boot's Redis auto-configuration is left
 * out: it would otherwise build a Lettuce client for a Redis nobody uses (its Netty and
 * Reactor classes are about 1 300 of the classes a start loads).
 */
class RedisSettings implements EnvironmentPostProcessor {

	static final String ENABLED = "costlens.redis.enabled";

	static final String EXCLUDE = "spring.autoconfigure.exclude";

	static final List<String> REDIS_AUTO_CONFIGURATIONS = List.of(
			"org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration",
			"org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration",
			"org.springframework.boot.data.redis.autoconfigure.DataRedisRepositoriesAutoConfiguration",
			"org.springframework.boot.data.redis.autoconfigure.health.DataRedisHealthContributorAutoConfiguration",
			"org.springframework.boot.data.redis.autoconfigure.health.DataRedisReactiveHealthContributorAutoConfiguration",
			"org.springframework.boot.data.redis.autoconfigure.observation.LettuceObservationAutoConfiguration");

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String url = environment.getProperty("costlens.redis.url");
		boolean springConfigured = environment.containsProperty("spring.data.redis.url")
				|| environment.containsProperty("spring.data.redis.host");
		Map<String, Object> properties = new HashMap<>();
		if (url != null && !url.isBlank() && !environment.containsProperty("spring.data.redis.url")) {
			properties.put("spring.data.redis.url", url);
		}
		if (!environment.containsProperty(ENABLED)) {
			properties.put(ENABLED, String.valueOf(!properties.isEmpty() || springConfigured));
		}
		boolean enabled = Boolean
			.parseBoolean(String.valueOf(properties.getOrDefault(ENABLED, environment.getProperty(ENABLED))));
		if (!enabled) {
			// added to whatever exclusions are configured already, never in their place
			Set<String> excluded = new LinkedHashSet<>();
			for (String name : StringUtils.commaDelimitedListToStringArray(environment.getProperty(EXCLUDE, ""))) {
				if (!name.isBlank()) {
					excluded.add(name.strip());
				}
			}
			excluded.addAll(REDIS_AUTO_CONFIGURATIONS);
			properties.put(EXCLUDE, String.join(",", excluded));
		}
		environment.getPropertySources().addFirst(new MapPropertySource("costlensRedisSettings", properties));
	}

}
