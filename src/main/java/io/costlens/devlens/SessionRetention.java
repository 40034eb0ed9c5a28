package io.costlens.devlens;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.costlens.platform.Retention;
import io.costlens.platform.RetentionPolicy;

/**
 * Deletes sessions older than {@code costlens.devlens.retention.age} in bounded batches,
 * oldest first along the time index, and the trace lines imports refused that long ago;
 * the daily roll-ups (and latency sketches) go only past their own retention, so the
 * KPIs, insights and profiles over old days still count the deleted sessions.
 */
@Component
class SessionRetention {

	private final JdbcClient jdbc;

	private final Retention.Sweeper sessions;

	private final Retention.Sweeper rejected;

	private final RetentionPolicy policy;

	SessionRetention(JdbcClient jdbc, Retention retention, DevlensProperties properties) {
		this.jdbc = jdbc;
		this.sessions = retention.sweeper("devlens_sessions");
		this.rejected = retention.sweeper("devlens_rejected_traces");
		this.policy = properties.retention();
	}

	Map<String, Object> run() {
		Map<String, Object> counts = new LinkedHashMap<>(this.sessions.run(this.policy,
				(cutoff) -> (limit) -> deleteSessions(cutoff, limit), this::deleteRollups));
		if (this.policy.deletesRows()) {
			Instant cutoff = Retention.cutoff(Instant.now(), this.policy.age());
			counts.put("rejected_deleted",
					this.rejected.sweep(this.policy.sweep(), (limit) -> deleteRejected(cutoff, limit)));
		}
		return counts;
	}

	private int deleteSessions(Instant cutoff, int limit) {
		return this.jdbc.sql("""
				delete from devlens_sessions where trace_hash in (
				    select trace_hash from devlens_sessions where started_at < :cutoff
				    order by started_at, trace_hash
				    fetch first :limit rows only)""").param("cutoff", utc(cutoff)).param("limit", limit).update();
	}

	private int deleteRejected(Instant cutoff, int limit) {
		return this.jdbc.sql("""
				delete from devlens_rejected_traces where id in (
				    select id from devlens_rejected_traces where rejected_at < :cutoff
				    order by rejected_at, id
				    fetch first :limit rows only)""").param("cutoff", utc(cutoff)).param("limit", limit).update();
	}

	/** A day's rows go once the whole day lies before the cutoff. */
	private long deleteRollups(Instant cutoff) {
		LocalDate firstKept = LocalDate.ofInstant(cutoff, ZoneOffset.UTC);
		return this.jdbc.sql("delete from devlens_daily where event_date < :day").param("day", firstKept).update()
				+ this.jdbc.sql("delete from devlens_daily_latency where event_date < :day")
					.param("day", firstKept)
					.update();
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
