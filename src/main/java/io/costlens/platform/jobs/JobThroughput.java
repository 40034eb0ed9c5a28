package io.costlens.platform.jobs;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Counts the executions of each job kind per one-minute window in the database, so the
 * limit holds across every instance on it.
 */
@Repository
public class JobThroughput {

	static final Duration WINDOW = Duration.ofMinutes(1);

	private final JdbcClient jdbc;

	JobThroughput(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Takes one run of {@code kind} from the current window.
	 * @return empty when the run may start now, else when the next window opens
	 */
	public Optional<Instant> claim(String kind, int perMinute, Instant now) {
		if (take(kind, perMinute, now)) {
			return Optional.empty();
		}
		try {
			if (open(kind, now)) {
				return Optional.empty();
			}
		}
		catch (DuplicateKeyException ex) {
			// another instance opened the first window at the same moment
		}
		if (take(kind, perMinute, now)) {
			return Optional.empty();
		}
		return Optional.of(this.jdbc.sql("select window_start from job_throughput where kind = :kind")
			.param("kind", kind)
			.query(Instant.class)
			.single()
			.plus(WINDOW));
	}

	private boolean take(String kind, int perMinute, Instant now) {
		return this.jdbc.sql("""
				update job_throughput
				set used = case when window_start <= :expired then 1 else used + 1 end,
				    window_start = case when window_start <= :expired then :now else window_start end
				where kind = :kind and (window_start <= :expired or used < :limit)""")
			.param("expired", now.minus(WINDOW).atOffset(ZoneOffset.UTC))
			.param("now", now.atOffset(ZoneOffset.UTC))
			.param("kind", kind)
			.param("limit", perMinute)
			.update() == 1;
	}

	private boolean open(String kind, Instant now) {
		return this.jdbc.sql("""
				merge into job_throughput t using (values (cast(:kind as varchar(200)))) as s(kind) on t.kind = s.kind
				when not matched then insert (kind, window_start, used) values (s.kind, :now, 1)""")
			.param("kind", kind)
			.param("now", now.atOffset(ZoneOffset.UTC))
			.update() == 1;
	}

}
