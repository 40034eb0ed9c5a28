package io.costlens.providers;

import java.util.Map;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.costlens.platform.Jobs;
import io.costlens.providers.ProvidersProperties.Schedules;

/**
 * The module's recurring jobs on the job engine, each on its configurable UTC schedule
 * and run once across instances.
 */
@Configuration(proxyBeanMethods = false)
class ProvidersJobs {

	@Bean
	RecurringTask<Void> syncUsageStats(Jobs jobs, UsageSync sync, ProvidersProperties properties) {
		return jobs.recurring("sync_usage_stats", schedules(properties).syncUsageStats(), () -> sync.syncAll().asMap());
	}

	@Bean
	RecurringTask<Void> validateApiKeys(Jobs jobs, KeyValidation validation, ProvidersProperties properties) {
		return jobs.recurring("validate_api_keys", schedules(properties).validateApiKeys(),
				() -> validation.validateAll().asMap());
	}

	@Bean
	RecurringTask<Void> cleanupOldUsageStats(Jobs jobs, UsageCleanup cleanup, ProvidersProperties properties) {
		return jobs.recurring("cleanup_old_usage_stats", schedules(properties).cleanupOldUsageStats(),
				() -> Map.of("deleted", cleanup.run()));
	}

	@Bean
	RecurringTask<Void> reencryptProviderKeys(Jobs jobs, KeyReEncryption reEncryption, ProvidersProperties properties) {
		return jobs.recurring("reencrypt_provider_keys", schedules(properties).reencryptProviderKeys(),
				() -> reEncryption.run().asMap());
	}

	private static Schedules schedules(ProvidersProperties properties) {
		return properties.schedules();
	}

}
