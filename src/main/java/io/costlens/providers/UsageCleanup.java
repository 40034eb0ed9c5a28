package io.costlens.providers;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.springframework.stereotype.Service;

import io.costlens.platform.Retention;

/**
 * Deletes usage rows older than {@code usage-stats-retention-days} with the platform's
 * batch sweeper, so that a sync running meanwhile never waits long. The rows are daily
 * totals themselves: the module keeps no roll-up of them that would outlive them.
 */
@Service
class UsageCleanup {

	/** Batches of 1 000 rows, 20 ms apart, and a run starts none after 4 minutes. */
	static final Retention.Settings SWEEP = new Retention.Settings(1000, Duration.ofMillis(20), Duration.ofMinutes(4));

	private final UsageRepository usage;

	private final ProvidersProperties properties;

	private final Retention.Sweeper sweeper;

	UsageCleanup(UsageRepository usage, ProvidersProperties properties, Retention retention) {
		this.usage = usage;
		this.properties = properties;
		this.sweeper = retention.sweeper("usage_stats");
	}

	/** Deletes what is past retention; returns how many rows. */
	long run() {
		LocalDate cutoff = LocalDate.now(ZoneOffset.UTC).minusDays(this.properties.usageStatsRetentionDays());
		return this.sweeper.sweep(SWEEP, (limit) -> this.usage.deleteBefore(cutoff, limit));
	}

}
