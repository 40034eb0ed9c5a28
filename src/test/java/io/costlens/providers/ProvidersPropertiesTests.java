package io.costlens.providers;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

class ProvidersPropertiesTests {

	@Test
	void defaultsToOpenRoutersApiTwentyCallsAMinuteAndTheSeedsSchedules() {
		ProvidersProperties defaults = bind(Map.of());

		assertThat(defaults.openrouter().baseUrl()).isEqualTo("https://openrouter.ai/api/v1");
		assertThat(defaults.openrouter().requestsPerMinute()).isEqualTo(20);
		assertThat(defaults.openrouter().readTimeout()).isEqualTo(Duration.ofSeconds(30));
		assertThat(defaults.openrouter().maxResponseSize()).isEqualTo(DataSize.ofMegabytes(4));
		assertThat(defaults.openrouter().usagePath()).isNull();
		assertThat(defaults.activityDays()).isEqualTo(7);
		assertThat(defaults.usageStatsRetentionDays()).isEqualTo(365);
		assertThat(defaults.encryptionKey()).isNull();
		assertThat(defaults.schedules().syncUsageStats()).isEqualTo("0 0 * * * *");
		assertThat(defaults.schedules().validateApiKeys()).isEqualTo("0 0 2 * * *");
		assertThat(defaults.schedules().cleanupOldUsageStats()).isEqualTo("0 0 3 * * SUN");
	}

	@Test
	void takesTheBaseUrlAndSchedulesFromTheSettings() {
		ProvidersProperties bound = bind(Map.of("costlens.providers.openrouter.base-url", "http://127.0.0.1:9/api/v1",
				"costlens.providers.schedules.sync-usage-stats", "0 */5 * * * *"));

		assertThat(bound.openrouter().baseUrl()).isEqualTo("http://127.0.0.1:9/api/v1");
		assertThat(bound.schedules().syncUsageStats()).isEqualTo("0 */5 * * * *");
	}

	private static ProvidersProperties bind(Map<String, String> values) {
		return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("costlens.providers",
				ProvidersProperties.class);
	}

}
