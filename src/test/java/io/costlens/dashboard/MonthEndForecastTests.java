package io.costlens.dashboard;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MonthEndForecastTests {

	@Test
	void givesNoNumberBeforeThreeCompleteDays() {
		MonthEndForecast forecast = MonthEndForecast.of(LocalDate.parse("2026-12-03"),
				Map.of(LocalDate.parse("2026-12-01"), new BigDecimal("5"), LocalDate.parse("2026-12-03"),
						new BigDecimal("2")));
		assertThat(forecast.status()).isEqualTo("not_enough_data");
		assertThat(forecast.monthEnd()).isNull();
		assertThat(forecast.daysUsed()).isEqualTo(2);
		assertThat(forecast.monthToDate()).isEqualByComparingTo("7");
	}

	@Test
	void projectsTheSevenDayRunRateOverTheDaysLeftTodayIncluded() {
		Map<LocalDate, BigDecimal> daily = new HashMap<>();
		for (int day = 1; day <= 10; day++) {
			daily.put(LocalDate.of(2026, 4, day), new BigDecimal("10"));
		}
		daily.put(LocalDate.of(2026, 4, 11), new BigDecimal("3"));
		MonthEndForecast forecast = MonthEndForecast.of(LocalDate.of(2026, 4, 11), daily);
		assertThat(forecast.status()).isEqualTo("ok");
		// 10 complete days of 10, then 20 days left (11th to 30th) at 10 a day
		assertThat(forecast.monthEnd()).isEqualByComparingTo("300");
		assertThat(forecast.low()).isEqualByComparingTo("300");
		assertThat(forecast.high()).isEqualByComparingTo("300");
		assertThat(forecast.monthToDate()).isEqualByComparingTo("103");
	}

	@Test
	void widensTheBandWithTheDailySpreadButNeverBelowWhatIsSpent() {
		Map<LocalDate, BigDecimal> daily = new HashMap<>();
		for (int day = 1; day <= 28; day++) {
			daily.put(LocalDate.of(2026, 2, day), new BigDecimal((day % 2 == 0) ? "0" : "100"));
		}
		MonthEndForecast forecast = MonthEndForecast.of(LocalDate.of(2026, 2, 28), daily);
		assertThat(forecast.low()).isLessThan(forecast.monthEnd()).isGreaterThanOrEqualTo(forecast.monthToDate());
		assertThat(forecast.high()).isGreaterThan(forecast.monthEnd());
	}

	@Test
	void countsMissingDaysAsNothingSpent() {
		Map<LocalDate, BigDecimal> daily = Map.of(LocalDate.of(2026, 5, 1), new BigDecimal("70"));
		MonthEndForecast forecast = MonthEndForecast.of(LocalDate.of(2026, 5, 8), daily);
		// 70 on day 1, 7 days averaged (1..7) = 10 a day, 24 days left (8th to 31st)
		assertThat(forecast.monthEnd()).isEqualByComparingTo("310");
	}

}
