package io.costlens.dashboard;

import java.util.List;

/**
 * What a chart draws, handed to the page's script as JSON: labels already formatted on
 * the server in the page's language and zone, and one or more series. Every chart also
 * has a table of the same numbers.
 *
 * @param type {@code line} or {@code bar}
 * @param labels one per point
 * @param series the series
 * @param locale the BCP 47 tag the axis numbers are formatted with
 * @param dualAxis whether the second and later series use a right-hand axis of their own
 */
record ChartData(String type, List<String> labels, List<Series> series, String locale, boolean dualAxis) {

	/**
	 * @param label the legend text
	 * @param values one per label, {@code null} where there is no value
	 * @param dashed drawn dashed, so that series differ by more than colour
	 * @param money whether its axis shows US dollars
	 */
	record Series(String label, List<Double> values, boolean dashed, boolean money) {

	}

}
