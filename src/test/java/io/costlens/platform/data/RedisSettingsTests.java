package io.costlens.platform.data;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Redis is on when configured; otherwise Spring Boot's Redis auto-configuration is left
 * out.
 */
class RedisSettingsTests {

	private final RedisSettings settings = new RedisSettings();

	@Test
	void withoutRedisItsAutoConfigurationIsLeftOutBesideTheConfiguredExclusions() {
		MockEnvironment environment = new MockEnvironment().withProperty(RedisSettings.EXCLUDE,
				"com.example.OneAutoConfiguration, com.example.OtherAutoConfiguration");

		this.settings.postProcessEnvironment(environment, new SpringApplication());

		assertThat(environment.getProperty(RedisSettings.ENABLED)).isEqualTo("false");
		assertThat(environment.getProperty(RedisSettings.EXCLUDE).split(",")).containsExactlyElementsOf(
				concat("com.example.OneAutoConfiguration", "com.example.OtherAutoConfiguration"));
	}

	@Test
	void withARedisUrlItIsOnAndNothingIsLeftOut() {
		MockEnvironment environment = new MockEnvironment().withProperty("costlens.redis.url",
				"redis://127.0.0.1:6379/0");

		this.settings.postProcessEnvironment(environment, new SpringApplication());

		assertThat(environment.getProperty(RedisSettings.ENABLED)).isEqualTo("true");
		assertThat(environment.getProperty("spring.data.redis.url")).isEqualTo("redis://127.0.0.1:6379/0");
		assertThat(environment.getProperty(RedisSettings.EXCLUDE)).isNull();
	}

	@Test
	void turnedOffExplicitlyItsAutoConfigurationIsLeftOut() {
		MockEnvironment environment = new MockEnvironment().withProperty(RedisSettings.ENABLED, "false")
			.withProperty("spring.data.redis.host", "redis.internal");

		this.settings.postProcessEnvironment(environment, new SpringApplication());

		assertThat(environment.getProperty(RedisSettings.EXCLUDE).split(","))
			.containsExactlyElementsOf(RedisSettings.REDIS_AUTO_CONFIGURATIONS);
	}

	private static List<String> concat(String... first) {
		List<String> all = new ArrayList<>(List.of(first));
		all.addAll(RedisSettings.REDIS_AUTO_CONFIGURATIONS);
		return all;
	}

}
