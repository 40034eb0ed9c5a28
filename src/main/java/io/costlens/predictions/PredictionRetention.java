package io.costlens.predictions;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.costlens.platform.Caches;
import io.costlens.platform.Retention;
import io.costlens.platform.RetentionPolicy;

/**
 * Deletes predictions older than {@code costlens.predictions.retention.age} in bounded
 * batches, oldest first along the time index, and roll-ups older than their own
 * retention. The roll-ups are not touched by the row deletes, so stats over old days
 * still count the deleted predictions.
 */
@Component
class PredictionRetention {

	private final JdbcClient jdbc;

	private final Retention.Sweeper sweeper;

	private final RetentionPolicy policy;

	private final Caches caches;

	PredictionRetention(JdbcClient jdbc, Retention retention, PredictionsProperties properties,
			ObjectProvider<Caches> caches) {
		this.jdbc = jdbc;
		this.caches = caches.getIfAvailable(Caches::none);
		this.sweeper = retention.sweeper("predictions");
		this.policy = properties.retention();
	}

	Map<String, Object> run() {
		return this.sweeper.run(this.policy, Retention.oldestFirst(this.jdbc, "predictions", "id", "predicted_at"),
				// a day row goes only once the whole day is past the cutoff
				(cutoff) -> {
					int deleted = this.jdbc.sql("""
							delete from prediction_rollups
							where (bucket_span = 'hour' and bucket_start < :hours)
							   or (bucket_span = 'day' and bucket_start <= :days)""")
						.param("hours", utc(cutoff))
						.param("days", utc(cutoff.minus(Duration.ofDays(1))))
						.update();
					if (deleted > 0) {
						// the cached statistics and models still counted them
						this.caches.changed(Predictions.PREDICTIONS);
					}
					return deleted;
				});
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
