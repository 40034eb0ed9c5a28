package io.costlens.reports;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.costlens.platform.Jobs;

/** The report jobs: generation, at most 10 a minute, and the 6-hourly expiry. */
@Configuration(proxyBeanMethods = false)
class ReportsConfiguration {

	@Bean
	CustomTask<String> reportGenerationTask(Jobs jobs, ReportGenerator generator, ReportsProperties properties) {
		return jobs.oneTime("reports-generate", String.class)
			.perMinute(properties.maxPerMinute())
			.onGiveUp((id, reason) -> generator.failed(UUID.fromString(id), reason))
			.execute((id) -> generator.generate(UUID.fromString(id)));
	}

	@Bean
	RecurringTask<Void> deleteExpiredReports(Jobs jobs, ReportRepository reports, ReportsProperties properties) {
		return jobs.recurring("reports-delete-expired", properties.cleanupInterval(),
				() -> Map.of("deleted", reports.deleteExpired(Instant.now())));
	}

}
