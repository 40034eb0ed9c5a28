package io.costlens.providers;

import java.time.LocalDate;
import java.time.ZoneOffset;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * Deletes usage rows older than {@code usage-stats-retention-days}, in batches so that a
 * sync running meanwhile never waits long.
 */
@Service
class UsageCleanup {

	static final int BATCH = 1000;

	private static final Logger log = LoggerFactory.getLogger(UsageCleanup.class);

	private final UsageRepository usage;

	private final ProvidersProperties properties;

	UsageCleanup(UsageRepository usage, ProvidersProperties properties) {
		this.usage = usage;
		this.properties = properties;
	}

	/** Deletes what is past retention; returns how many rows. */
	long run() {
		LocalDate cutoff = LocalDate.now(ZoneOffset.UTC).minusDays(this.properties.usageStatsRetentionDays());
		log.debug("Deleting usage before {}", cutoff);
		long deleted = 0;
		int batch;
		do {
			batch = this.usage.deleteBefore(cutoff, BATCH);
			deleted += batch;
		}
		while (batch == BATCH && !Thread.currentThread().isInterrupted());
		return deleted;
	}

}
