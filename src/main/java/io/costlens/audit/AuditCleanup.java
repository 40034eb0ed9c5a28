package io.costlens.audit;

import java.time.Instant;
import java.util.Map;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.costlens.platform.Caches;
import io.costlens.platform.Jobs;

/**
 * Deletes audit entries older than {@code costlens.audit.retention} once a day
 * (configurable), oldest first and in bounded batches, so appends never wait long.
 */
@Configuration(proxyBeanMethods = false)
class AuditCleanup {

	@Bean
	RecurringTask<Void> deleteOldAuditEntries(Jobs jobs, AuditRepository entries, AuditProperties properties,
			ObjectProvider<Caches> caches) {
		return jobs.recurring("audit-delete-old-entries", properties.cleanupInterval(), () -> {
			Instant cutoff = Instant.now().minus(properties.retention());
			long deleted = 0;
			int batch;
			do {
				batch = entries.deleteOlderThan(cutoff, AuditRepository.DELETE_BATCH);
				deleted += batch;
			}
			while (batch == AuditRepository.DELETE_BATCH);
			if (deleted > 0) {
				caches.getIfAvailable(Caches::none).changed(Audit.DATA);
			}
			return Map.of("deleted", deleted, "older_than", cutoff);
		});
	}

}
