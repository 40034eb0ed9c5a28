package io.costlens.devlens;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Anomalies in a daily series by the robust (modified) z-score of Iglewicz and Hoaglin:
 * 0.6745 · (x − median) / MAD, or, when the MAD is zero, (x − median) / (1.2533 · mean
 * absolute deviation). Robust because one spike does not move the median or the MAD.
 */
final class RobustZ {

	/** Fewer days than this give no baseline. */
	static final int MIN_DAYS = 5;

	private RobustZ() {
	}

	/**
	 * A day that stands out.
	 *
	 * @param date the day
	 * @param metric which series
	 * @param value its value that day
	 * @param baseline the median of the series
	 * @param zScore the robust z-score
	 * @param direction {@code above} or {@code below} the baseline
	 * @param message the finding in words
	 */
	record Anomaly(LocalDate date, String metric, double value, double baseline, double zScore, String direction,
			String message) {
	}

	static List<Anomaly> detect(String metric, Map<LocalDate, Double> series, double threshold) {
		List<Anomaly> anomalies = new ArrayList<>();
		if (series.size() < MIN_DAYS) {
			return anomalies;
		}
		double[] values = series.values().stream().mapToDouble(Double::doubleValue).toArray();
		double median = median(values);
		double mad = median(Arrays.stream(values).map((v) -> Math.abs(v - median)).toArray());
		double scale;
		if (mad > 0) {
			scale = mad / 0.6745;
		}
		else {
			double meanAd = Arrays.stream(values).map((v) -> Math.abs(v - median)).average().orElse(0);
			scale = 1.2533141373155 * meanAd;
		}
		if (scale <= 0) {
			return anomalies;
		}
		series.forEach((day, value) -> {
			double z = (value - median) / scale;
			if (Math.abs(z) >= threshold) {
				String direction = (z > 0) ? "above" : "below";
				anomalies.add(new Anomaly(day, metric, value, median, z, direction,
						String.format(java.util.Locale.ROOT, "%s on %s was %.4g, %s the baseline %.4g (robust z %.1f)",
								metric, day, value, direction, median, z)));
			}
		});
		return anomalies;
	}

	static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		int n = sorted.length;
		return (n % 2 == 1) ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
	}

}
