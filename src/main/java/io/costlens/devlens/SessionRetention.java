package io.costlens.devlens;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.costlens.platform.Caches;
import io.costlens.platform.Retention;
import io.costlens.platform.RetentionPolicy;

/**
 * Deletes sessions older than {@code costlens.devlens.retention.age} in bounded batches,
 * oldest first along the time index, and the trace lines imports refused that long ago;
 * the daily roll-ups (and latency sketches) go only past their own retention, so the
 * KPIs, insights and profiles over old days still count the deleted sessions; deleting
 * roll-ups marks the cached reports read from them changed, and a sweep of sessions the
 * cached pages of sessions.
 */
@Component
class SessionRetention {

	private final JdbcClient jdbc;

	private final Retention.Sweeper sessions;

	private final Retention.Sweeper rejected;

	private final RetentionPolicy policy;

	private final Caches caches;

	SessionRetention(JdbcClient jdbc, Retention retention, DevlensProperties properties,
			ObjectProvider<Caches> caches) {
		this.jdbc = jdbc;
		this.caches = caches.getIfAvailable(Caches::none);
		this.sessions = retention.sweeper("devlens_sessions");
		this.rejected = retention.sweeper("devlens_rejected_traces");
		this.policy = properties.retention();
	}

	Map<String, Object> run() {
		Map<String, Object> counts;
		try {
			counts = new LinkedHashMap<>(this.sessions.run(this.policy,
					Retention.oldestFirst(this.jdbc, "devlens_sessions", "trace_hash", "started_at"),
					this::deleteRollups));
		}
		finally {
			// also when a batch failed: the batches before it were committed
			if (this.policy.deletesRows()) {
				this.caches.changed(Devlens.SESSIONS);
			}
		}
		if (this.policy.deletesRows()) {
			Instant cutoff = Retention.cutoff(Instant.now(), this.policy.age());
			counts.put("rejected_deleted",
					this.rejected.sweep(this.policy.sweep(),
							Retention.oldestFirst(this.jdbc, "devlens_rejected_traces", "id", "rejected_at")
								.olderThan(cutoff)));
		}
		return counts;
	}

	/** A day's rows go once the whole day lies before the cutoff. */
	private long deleteRollups(Instant cutoff) {
		LocalDate firstKept = LocalDate.ofInstant(cutoff, ZoneOffset.UTC);
		long deleted = this.jdbc.sql("delete from devlens_daily where event_date < :day")
			.param("day", firstKept)
			.update()
				+ this.jdbc.sql("delete from devlens_daily_latency where event_date < :day")
					.param("day", firstKept)
					.update();
		if (deleted > 0) {
			this.caches.changed(Devlens.DATA);
		}
		return deleted;
	}

}
