package io.costlens.platform;

import java.time.Duration;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long a module keeps its stored rows and its roll-ups, and how its retention job
 * deletes (a nested part of the module's settings, e.g.
 * {@code costlens.scenarios.retention.*}).
 *
 * @param age how long stored rows (logs, predictions) are kept; older ones are deleted.
 * {@code 0} keeps them forever
 * @param rollups how long the hourly and daily roll-ups that metrics and stats read are
 * kept; {@code 0} (the default) keeps them forever, so old metrics stay readable after
 * their rows are gone. Otherwise at least {@code age}
 * @param interval how long after one retention run ends the next one starts
 * @param batchSize the most rows one delete (one transaction) removes
 * @param batchPause the wait between two batches, which leaves the database to the
 * writers
 * @param maxRunTime when a run stops starting batches (the next run goes on); keep it
 * below {@code costlens.jobs.max-run-time}
 */
public record RetentionPolicy(@DefaultValue("365d") Duration age, @DefaultValue("0") Duration rollups,
		@DefaultValue("1h") Duration interval, @DefaultValue("5000") int batchSize,
		@DefaultValue("20ms") Duration batchPause, @DefaultValue("4m") Duration maxRunTime) {

	public RetentionPolicy {
		if (age.isNegative() || rollups.isNegative()) {
			throw new IllegalArgumentException("Retention ages cannot be negative");
		}
		if (!rollups.isZero() && (age.isZero() || rollups.compareTo(age) < 0)) {
			throw new IllegalArgumentException("Roll-ups must be kept at least as long as their rows: rollups="
					+ rollups + " but age=" + (age.isZero() ? "forever" : age));
		}
	}

	/** The batching part, for {@link Retention#sweep}. */
	public Retention.Settings sweep() {
		return new Retention.Settings(this.batchSize, this.batchPause, this.maxRunTime);
	}

	/** Whether stored rows are ever deleted. */
	public boolean deletesRows() {
		return !this.age.isZero();
	}

	/** Whether roll-ups are ever deleted. */
	public boolean deletesRollups() {
		return !this.rollups.isZero();
	}

}
