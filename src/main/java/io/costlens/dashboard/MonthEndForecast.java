package io.costlens.dashboard;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * The month-end cost forecast: the actual cost of the month's complete days plus a
 * run-rate (the mean of the last seven complete days, or fewer early in the month) for
 * the days left, today included, with an 80 % band of ±1.28 · s · √r (s the standard
 * deviation of those days, r the days left), never below what is already spent. With
 * fewer than {@value #MIN_DAYS} complete days it gives no number.
 *
 * @param month the month, in the reporting zone
 * @param status {@code ok} or {@code not_enough_data}
 * @param monthToDate the cost so far, today included
 * @param monthEnd the forecast month-end cost
 * @param low the band's lower end
 * @param high the band's upper end
 * @param level the band's coverage (0.8)
 * @param daysUsed the complete days the run-rate averages
 * @param daysNeeded complete days needed before there is a forecast
 * @param method how it was computed
 */
record MonthEndForecast(String month, String status, @JsonSerialize(using = PlainMoney.class) BigDecimal monthToDate,
		@JsonSerialize(using = PlainMoney.class) @Nullable BigDecimal monthEnd,
		@JsonSerialize(using = PlainMoney.class) @Nullable BigDecimal low,
		@JsonSerialize(using = PlainMoney.class) @Nullable BigDecimal high, double level, int daysUsed, int daysNeeded,
		String method) {

	static final int MIN_DAYS = 3;

	static final int WINDOW = 7;

	static final double Z80 = 1.2816;

	/**
	 * @param daily the month's cost per day in the zone, today included; days missing
	 * cost 0
	 */
	static MonthEndForecast of(LocalDate today, Map<LocalDate, BigDecimal> daily) {
		YearMonth month = YearMonth.from(today);
		int complete = today.getDayOfMonth() - 1;
		BigDecimal actual = BigDecimal.ZERO;
		for (int day = 1; day <= complete; day++) {
			actual = actual.add(daily.getOrDefault(month.atDay(day), BigDecimal.ZERO));
		}
		BigDecimal toDate = actual.add(daily.getOrDefault(today, BigDecimal.ZERO));
		if (complete < MIN_DAYS) {
			return new MonthEndForecast(month.toString(), "not_enough_data", toDate, null, null, null, 0.8, complete,
					MIN_DAYS, "run_rate");
		}
		int window = Math.min(WINDOW, complete);
		List<BigDecimal> recent = today.minusDays(window)
			.datesUntil(today)
			.map((d) -> daily.getOrDefault(d, BigDecimal.ZERO))
			.toList();
		BigDecimal mean = recent.stream()
			.reduce(BigDecimal.ZERO, BigDecimal::add)
			.divide(BigDecimal.valueOf(window), MathContext.DECIMAL64);
		double variance = recent.stream().mapToDouble((v) -> Math.pow(v.subtract(mean).doubleValue(), 2)).sum()
				/ Math.max(1, window - 1);
		int left = month.lengthOfMonth() - complete;
		BigDecimal forecast = actual.add(mean.multiply(BigDecimal.valueOf(left)));
		BigDecimal spread = BigDecimal.valueOf(Z80 * Math.sqrt(variance) * Math.sqrt(left));
		BigDecimal low = forecast.subtract(spread).max(toDate);
		BigDecimal high = forecast.add(spread).max(toDate);
		return new MonthEndForecast(month.toString(), "ok", toDate, money(forecast.max(toDate)), money(low),
				money(high), 0.8, window, MIN_DAYS, "run_rate");
	}

	private static BigDecimal money(BigDecimal value) {
		return value.setScale(6, RoundingMode.HALF_EVEN).stripTrailingZeros();
	}

}
