package io.costlens.platform;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntUnaryOperator;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Deletes old rows in bounded batches, so that retention never holds a long lock or a
 * long transaction: a module's recurring job hands it one "delete at most n rows older
 * than the cutoff" step, and it repeats that step, pausing between batches so that
 * writers keep their share of the database, until a batch comes back short (nothing is
 * left) or the run's time is up (the next run goes on). Every deleted row is counted in
 * {@code costlens.retention.deleted{kind=…}}.
 */
@Component
public class Retention {

	private final MeterRegistry meters;

	Retention(MeterRegistry meters) {
		this.meters = meters;
	}

	/**
	 * The cutoff for rows kept {@code age}: that long ago, rounded down to the hour, so
	 * that an hour's rows are either all kept or all deleted (hourly roll-ups stay exact
	 * for the hours whose rows are still there).
	 * @param now the time of the run
	 * @param age how long rows are kept
	 * @return the start of the hour before which rows go
	 */
	public static Instant cutoff(Instant now, Duration age) {
		return now.minus(age).truncatedTo(ChronoUnit.HOURS);
	}

	/**
	 * The batch delete of a table's rows older than the cutoff, oldest first along an
	 * index on {@code (time, id)}, for {@link Sweeper#run} or {@link Sweeper#sweep}.
	 * @param jdbc the module's database access
	 * @param table the table (a constant of the module, never input)
	 * @param id its unique key column
	 * @param time its {@code timestamp with time zone} column
	 * @return the rows to delete in a run
	 */
	public static Rows oldestFirst(JdbcClient jdbc, String table, String id, String time) {
		String sql = "delete from " + table + " where " + id + " in (select " + id + " from " + table + " where " + time
				+ " < :cutoff order by " + time + ", " + id + " fetch first :limit rows only)";
		return (cutoff) -> (
				limit) -> jdbc.sql(sql).param("cutoff", cutoff.atOffset(ZoneOffset.UTC)).param("limit", limit).update();
	}

	/**
	 * The sweeper of one kind of row; its counter is registered at once, so it is
	 * exported (at zero) before the first delete.
	 * @param kind what is deleted, for the counter (e.g. {@code scenario_logs})
	 * @return the sweeper to run in each retention run
	 */
	public Sweeper sweeper(String kind) {
		return new Sweeper(kind,
				Counter.builder("costlens.retention.deleted")
					.description("Rows deleted by retention because they were older than their retention")
					.tag("kind", kind)
					.register(this.meters));
	}

	private static void pause(Duration pause) {
		if (pause.isZero()) {
			return;
		}
		try {
			Thread.sleep(pause);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** Deletes one kind of row in bounded batches and counts what it deleted. */
	public static final class Sweeper {

		private final String kind;

		private final Counter deleted;

		private Sweeper(String kind, Counter deleted) {
			this.kind = kind;
			this.deleted = deleted;
		}

		/**
		 * One retention run of a module's policy: the rows older than
		 * {@link RetentionPolicy#age()} in bounded batches, then the roll-ups older than
		 * {@link RetentionPolicy#rollups()}; either is skipped when its age is 0
		 * (forever).
		 * @param policy the module's retention settings
		 * @param rows the batch delete of rows older than a cutoff
		 * @param rollups deletes the roll-ups older than a cutoff, returning how many
		 * @return the run's counts for the job log: {@code <kind>_before} and
		 * {@code <kind>_deleted}, {@code rollups_deleted}
		 */
		public Map<String, Object> run(RetentionPolicy policy, Rows rows, Rollups rollups) {
			Instant now = Instant.now();
			Map<String, Object> counts = new LinkedHashMap<>();
			if (policy.deletesRows()) {
				Instant cutoff = cutoff(now, policy.age());
				counts.put(this.kind + "_before", cutoff);
				counts.put(this.kind + "_deleted", sweep(policy.sweep(), rows.olderThan(cutoff)));
			}
			if (policy.deletesRollups()) {
				counts.put("rollups_deleted", rollups.deleteOlderThan(cutoff(now, policy.rollups())));
			}
			return counts;
		}

		/**
		 * Runs {@code deleteBatch} until it deletes fewer rows than a batch, or until
		 * {@link Settings#maxRunTime()} has passed.
		 * @param settings batch size, pause and time budget
		 * @param deleteBatch deletes at most the given number of rows in one transaction
		 * and returns how many it deleted
		 * @return the rows deleted in this run
		 */
		public long sweep(Settings settings, IntUnaryOperator deleteBatch) {
			long deadline = System.nanoTime() + settings.maxRunTime().toNanos();
			long total = 0;
			while (!Thread.currentThread().isInterrupted()) {
				int batch = deleteBatch.applyAsInt(settings.batchSize());
				total += batch;
				this.deleted.increment(batch);
				if (batch < settings.batchSize() || System.nanoTime() > deadline) {
					break;
				}
				pause(settings.pause());
			}
			return total;
		}

	}

	/** The rows a retention run deletes, in batches. */
	@FunctionalInterface
	public interface Rows {

		/**
		 * The batch delete for one run.
		 * @param cutoff rows from before this time go
		 * @return deletes at most the given number of those rows in one transaction and
		 * returns how many it deleted
		 */
		IntUnaryOperator olderThan(Instant cutoff);

	}

	/** The roll-ups a retention run deletes once they are past their own retention. */
	@FunctionalInterface
	public interface Rollups {

		/**
		 * Deletes the roll-up rows for buckets that lie wholly before the cutoff.
		 * @param cutoff the start of the hour before which roll-ups go
		 * @return how many rows were deleted
		 */
		long deleteOlderThan(Instant cutoff);

	}

	/**
	 * How one retention run deletes.
	 *
	 * @param batchSize the most rows one delete (one transaction) removes
	 * @param pause the wait between two batches
	 * @param maxRunTime when a run stops starting batches; the rest waits for the next
	 * run (keep it below {@code costlens.jobs.max-run-time})
	 */
	public record Settings(int batchSize, Duration pause, Duration maxRunTime) {

		public Settings {
			if (batchSize < 1) {
				throw new IllegalArgumentException("A retention batch deletes at least 1 row, not " + batchSize);
			}
		}

	}

}
