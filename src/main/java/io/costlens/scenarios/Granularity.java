package io.costlens.scenarios;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The bucket size of a metrics time series; costs are always computed per hour. */
public enum Granularity {

	HOUR(ChronoUnit.HOURS), DAY(ChronoUnit.DAYS);

	private final ChronoUnit unit;

	Granularity(ChronoUnit unit) {
		this.unit = unit;
	}

	/** The start (UTC) of the bucket that holds this moment. */
	public Instant bucketOf(Instant moment) {
		return moment.truncatedTo(this.unit);
	}

}
