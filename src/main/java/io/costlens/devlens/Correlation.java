package io.costlens.devlens;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hipparchus.distribution.continuous.TDistribution;
import org.hipparchus.stat.correlation.PearsonsCorrelation;
import org.hipparchus.stat.correlation.SpearmansCorrelation;
import org.jspecify.annotations.Nullable;

/**
 * Pearson and Spearman correlation with two-sided p-values (Hipparchus), and the
 * Benjamini–Hochberg adjustment with the monotone step-up that ProdLens left out.
 */
final class Correlation {

	private Correlation() {
	}

	/**
	 * A coefficient, its p-value and the number of pairs; {@code r} and {@code p} are
	 * null below two pairs or when a series is constant.
	 *
	 * @param r the coefficient
	 * @param pValue the two-sided p-value of r = 0
	 * @param count the number of pairs
	 */
	record Result(@Nullable Double r, @Nullable Double pValue, int count) {

		static Result none(int count) {
			return new Result(null, null, count);
		}

	}

	static Result pearson(double[] x, double[] y) {
		if (x.length < 2 || constant(x) || constant(y)) {
			return Result.none(x.length);
		}
		double r = new PearsonsCorrelation().correlation(x, y);
		return new Result(r, pValue(r, x.length), x.length);
	}

	static Result spearman(double[] x, double[] y) {
		if (x.length < 2 || constant(x) || constant(y)) {
			return Result.none(x.length);
		}
		double r = new SpearmansCorrelation().correlation(x, y);
		return new Result(r, pValue(r, x.length), x.length);
	}

	/**
	 * The t-test of r = 0 with n − 2 degrees of freedom, as SciPy does (1 for two pairs).
	 */
	static double pValue(double r, int n) {
		if (n <= 2) {
			return 1.0;
		}
		double clipped = Math.max(-1, Math.min(1, r));
		if (Math.abs(clipped) == 1) {
			return 0.0;
		}
		double t = Math.abs(clipped) * Math.sqrt((n - 2) / (1 - clipped * clipped));
		return Math.min(1.0, 2 * (1 - new TDistribution(n - 2).cumulativeProbability(t)));
	}

	/**
	 * Benjamini–Hochberg adjusted p-values: p·m/rank, then the running minimum from the
	 * largest rank down (so an adjusted value never exceeds the next larger one), capped
	 * at 1.
	 * @param pValues label → raw p-value
	 * @return label → adjusted p-value, in the same order
	 */
	static Map<String, Double> benjaminiHochberg(Map<String, Double> pValues) {
		List<Map.Entry<String, Double>> sorted = new ArrayList<>(pValues.entrySet());
		sorted.sort(Map.Entry.comparingByValue(Comparator.naturalOrder()));
		int m = sorted.size();
		double[] adjusted = new double[m];
		double running = 1.0;
		for (int i = m - 1; i >= 0; i--) {
			running = Math.min(running, sorted.get(i).getValue() * m / (i + 1));
			adjusted[i] = Math.min(running, 1.0);
		}
		Map<String, Double> byLabel = new LinkedHashMap<>();
		for (int i = 0; i < m; i++) {
			byLabel.put(sorted.get(i).getKey(), adjusted[i]);
		}
		Map<String, Double> ordered = new LinkedHashMap<>();
		pValues.keySet().forEach((label) -> ordered.put(label, byLabel.get(label)));
		return ordered;
	}

	private static boolean constant(double[] values) {
		return Arrays.stream(values).distinct().count() < 2;
	}

}
