package io.costlens.scenarios;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntUnaryOperator;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.costlens.platform.Caches;
import io.costlens.platform.Retention;
import io.costlens.platform.RetentionPolicy;

/**
 * Deletes stored logs older than {@code costlens.scenarios.retention.age}, scenario by
 * scenario along the (scenario, time) index and in bounded batches, and roll-ups older
 * than their own retention. Roll-ups and {@code total_requests} are left as they are, so
 * a scenario's metrics still count the deleted logs.
 */
@Component
class LogRetention {

	private final JdbcClient jdbc;

	private final Retention.Sweeper sweeper;

	private final RetentionPolicy policy;

	private final Caches caches;

	LogRetention(JdbcClient jdbc, Retention retention, ScenariosProperties properties, ObjectProvider<Caches> caches) {
		this.jdbc = jdbc;
		this.caches = caches.getIfAvailable(Caches::none);
		this.sweeper = retention.sweeper("scenario_logs");
		this.policy = properties.retention();
	}

	Map<String, Object> run() {
		List<UUID> scenarios = this.jdbc.sql("select id from scenarios order by id").query(UUID.class).list();
		return this.sweeper.run(this.policy, (cutoff) -> new Sweep(scenarios, cutoff), (cutoff) -> {
			long deleted = 0;
			for (UUID scenario : scenarios) {
				int rollups = this.jdbc
					.sql("delete from scenario_rollups where scenario_id = :scenario and bucket_start < :cutoff")
					.param("scenario", scenario)
					.param("cutoff", utc(cutoff))
					.update();
				if (rollups > 0) {
					// its metrics (cached per scenario) lose the swept hours
					this.caches.changed(Scenarios.dataSet(scenario));
				}
				deleted += rollups;
			}
			if (deleted > 0) {
				this.caches.changed(ScenarioCosts.SETTLED);
				this.caches.changed(Scenarios.COSTS);
			}
			return deleted;
		});
	}

	/** One batch: up to n old logs, from as many scenarios as it takes. */
	private final class Sweep implements IntUnaryOperator {

		private final Iterator<UUID> scenarios;

		private final Instant cutoff;

		private @Nullable UUID current;

		Sweep(List<UUID> scenarios, Instant cutoff) {
			this.scenarios = scenarios.iterator();
			this.cutoff = cutoff;
			this.current = next();
		}

		@Override
		public int applyAsInt(int limit) {
			int deleted = 0;
			while (deleted < limit && this.current != null) {
				int wanted = limit - deleted;
				int batch = deleteOldLogs(this.current, wanted);
				deleted += batch;
				if (batch < wanted) {
					this.current = next();
				}
			}
			return deleted;
		}

		private int deleteOldLogs(UUID scenario, int limit) {
			int deleted = LogRetention.this.jdbc.sql("""
					delete from scenario_logs where id in (
					    select id from scenario_logs where scenario_id = :scenario and received_at < :cutoff
					    fetch first :limit rows only)""")
				.param("scenario", scenario)
				.param("cutoff", utc(this.cutoff))
				.param("limit", limit)
				.update();
			if (deleted > 0) {
				// its page's log table
				LogRetention.this.caches.changed(Scenarios.dataSet(scenario));
			}
			return deleted;
		}

		private @Nullable UUID next() {
			return this.scenarios.hasNext() ? this.scenarios.next() : null;
		}

	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
