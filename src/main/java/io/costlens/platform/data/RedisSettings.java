package io.costlens.platform.data;

import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Turns Redis on when it is configured, through {@code costlens.redis.url} or Spring's
 * own {@code spring.data.redis.*} properties, and records that in
 * {@code costlens.redis.enabled} so that shared rate limits, caches and health checks
 * know whether to use it.
 */
class RedisSettings implements EnvironmentPostProcessor {

	static final String ENABLED = "costlens.redis.enabled";

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
		environment.getPropertySources().addFirst(new MapPropertySource("costlensRedisSettings", properties));
	}

}
