package io.costlens.devlens;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import io.costlens.devlens.RobustZ.Anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RobustZTests {

	private static final LocalDate DAY = LocalDate.of(2025, 5, 1);

	@Test
	void flagsTheSpikeWithItsBaselineAsComputedByHand() {
		// median 100, MAD 1.5: the spike's z = 0.6745 * 400 / 1.5 = 179.8667; 103 scores
		// only 1.349
		List<Anomaly> anomalies = RobustZ.detect("daily_tokens", series(100, 102, 98, 101, 99, 100, 103, 97, 100, 500),
				3.5);

		assertThat(anomalies).hasSize(1);
		Anomaly spike = anomalies.get(0);
		assertThat(spike.date()).isEqualTo(DAY.plusDays(9));
		assertThat(spike.value()).isEqualTo(500.0);
		assertThat(spike.baseline()).isEqualTo(100.0);
		assertThat(spike.zScore()).isCloseTo(179.86666666666667, within(1e-9));
		assertThat(spike.direction()).isEqualTo("above");
		assertThat(spike.message()).contains("daily_tokens", "2025-05-10", "500", "100");
	}

	@Test
	void fallsBackToTheMeanDeviationWhenMostDaysAreEqual() {
		List<Anomaly> anomalies = RobustZ.detect("daily_error_rate_percent", series(0, 0, 0, 0, 0, 0, 40), 3.5);

		assertThat(anomalies).singleElement().satisfies((a) -> assertThat(a.value()).isEqualTo(40.0));
	}

	@Test
	void needsFiveDaysAndSomeSpread() {
		assertThat(RobustZ.detect("x", series(1, 1, 1, 100), 3.5)).isEmpty();
		assertThat(RobustZ.detect("x", series(5, 5, 5, 5, 5, 5), 3.5)).isEmpty();
	}

	private static Map<LocalDate, Double> series(double... values) {
		Map<LocalDate, Double> series = new TreeMap<>();
		for (int i = 0; i < values.length; i++) {
			series.put(DAY.plusDays(i), values[i]);
		}
		return series;
	}

}
