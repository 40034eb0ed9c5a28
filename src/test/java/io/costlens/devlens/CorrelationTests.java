package io.costlens.devlens;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Reference values from SciPy 1.17.1, computed outside this code base:
 * {@code scipy.stats.pearsonr}, {@code spearmanr} and
 * {@code false_discovery_control(ps, method='bh')}.
 */
class CorrelationTests {

	private static final double[] SESSIONS = { 12, 15, 9, 20, 18, 25, 22, 30, 28, 35 };

	private static final double[] COMMITS = { 3, 4, 2, 6, 4, 7, 8, 9, 7, 11 };

	@Test
	void matchesSciPysPearsonWithItsPValue() {
		Correlation.Result result = Correlation.pearson(SESSIONS, COMMITS);

		assertThat(result.r()).isCloseTo(0.9588663674005629, within(1e-12));
		assertThat(result.pValue()).isCloseTo(1.1916981910480475e-05, within(1e-12));
		assertThat(result.count()).isEqualTo(10);
	}

	@Test
	void matchesSciPysSpearmanWithItsPValue() {
		Correlation.Result result = Correlation.spearman(SESSIONS, COMMITS);

		assertThat(result.r()).isCloseTo(0.9573348703109935, within(1e-12));
		assertThat(result.pValue()).isCloseTo(1.3767647149143998e-05, within(1e-12));
	}

	@Test
	void matchesSciPyOnANegativeSeriesWithTies() {
		double[] x = { 5, 3, 8, 1, 9, 2 };
		double[] y = { 2, 6, 1, 7, 3, 5 };

		assertThat(Correlation.pearson(x, y).r()).isCloseTo(-0.8280786712108251, within(1e-12));
		assertThat(Correlation.pearson(x, y).pValue()).isCloseTo(0.0417946804560452, within(1e-12));
		assertThat(Correlation.spearman(x, y).r()).isCloseTo(-0.7714285714285715, within(1e-12));
		assertThat(Correlation.spearman(x, y).pValue()).isCloseTo(0.07239650145772594, within(1e-12));
	}

	@Test
	void givesNoCoefficientBelowTwoPairsOrForAConstantSeries() {
		assertThat(Correlation.pearson(new double[] { 1 }, new double[] { 2 }).r()).isNull();
		assertThat(Correlation.spearman(new double[] { 1, 2, 3 }, new double[] { 4, 4, 4 }).pValue()).isNull();
		assertThat(Correlation.pearson(new double[] { 1, 2 }, new double[] { 3, 5 }).pValue()).isEqualTo(1.0);
	}

	@Test
	void adjustsWithTheMonotoneStepUpAsSciPyDoes() {
		Map<String, Double> raw = new LinkedHashMap<>();
		raw.put("a", 0.01);
		raw.put("b", 0.04);
		raw.put("c", 0.03);
		raw.put("d", 0.20);
		raw.put("e", 0.045);

		Map<String, Double> adjusted = Correlation.benjaminiHochberg(raw);

		assertThat(adjusted).containsOnlyKeys("a", "b", "c", "d", "e");
		assertThat(adjusted.get("a")).isCloseTo(0.05, within(1e-12));
		assertThat(adjusted.get("b")).isCloseTo(0.05625, within(1e-12));
		assertThat(adjusted.get("c")).isCloseTo(0.05625, within(1e-12));
		assertThat(adjusted.get("d")).isCloseTo(0.2, within(1e-12));
		assertThat(adjusted.get("e")).isCloseTo(0.05625, within(1e-12));
	}

}
