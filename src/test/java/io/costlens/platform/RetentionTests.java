package io.costlens.platform;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RetentionTests {

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final Retention retention = new Retention(this.meters);

	@Test
	void deletesBatchAfterBatchUntilOneComesBackShortAndCountsThem() {
		List<Integer> asked = new ArrayList<>();
		int[] left = { 23 };

		long deleted = this.retention.sweeper("rows")
			.sweep(new Retention.Settings(10, Duration.ZERO, Duration.ofMinutes(1)), (limit) -> {
				asked.add(limit);
				int batch = Math.min(limit, left[0]);
				left[0] -= batch;
				return batch;
			});

		assertThat(deleted).isEqualTo(23);
		assertThat(asked).containsExactly(10, 10, 10);
		assertThat(this.meters.get("costlens.retention.deleted").tag("kind", "rows").counter().count()).isEqualTo(23);
	}

	@Test
	void exportsItsCounterBeforeTheFirstDelete() {
		this.retention.sweeper("rows");

		assertThat(this.meters.get("costlens.retention.deleted").tag("kind", "rows").counter().count()).isZero();
	}

	@Test
	void stopsStartingBatchesOnceItsTimeIsUp() {
		int[] batches = { 0 };

		this.retention.sweeper("rows")
			.sweep(new Retention.Settings(5, Duration.ofMillis(30), Duration.ofMillis(100)), (limit) -> {
				batches[0]++;
				return limit;
			});

		assertThat(batches[0]).isBetween(2, 6);
	}

	@Test
	void cutsOffAtTheStartOfTheHourSoHoursStayWhole() {
		Instant now = Instant.parse("2026-12-01T09:41:17Z");

		assertThat(Retention.cutoff(now, Duration.ofDays(30))).isEqualTo(Instant.parse("2026-11-01T09:00:00Z"));
	}

	@Test
	void refusesRollupsKeptShorterThanTheirRows() {
		assertThatIllegalArgumentException().isThrownBy(() -> policy("30d", "7d"))
			.withMessageContaining("rollups=PT168H");
		assertThatIllegalArgumentException().isThrownBy(() -> policy("0", "7d")).withMessageContaining("forever");
		assertThat(policy("30d", "0").deletesRollups()).isFalse();
		assertThat(policy("0", "0").deletesRows()).isFalse();
		assertThat(policy("30d", "400d").deletesRollups()).isTrue();
	}

	private static RetentionPolicy policy(String age, String rollups) {
		return new RetentionPolicy(parse(age), parse(rollups), Duration.ofHours(1), 100, Duration.ZERO,
				Duration.ofMinutes(4));
	}

	private static Duration parse(String value) {
		return value.equals("0") ? Duration.ZERO : Duration.ofDays(Long.parseLong(value.replace("d", "")));
	}

}
