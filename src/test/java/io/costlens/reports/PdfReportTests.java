package io.costlens.reports;

import org.jfree.chart.axis.TickUnitSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The PDF's cost axis reads as money at every scale. */
class PdfReportTests {

	private final TickUnitSource ticks = PdfReport.moneyTicks();

	@Test
	void labelsCentsWithTwoDecimals() {
		assertThat(this.ticks.getCeilingTickUnit(0.05).valueToString(0.6)).isEqualTo("$0.60");
		assertThat(this.ticks.getCeilingTickUnit(0.05).valueToString(0.55)).isEqualTo("$0.55");
	}

	@Test
	void labelsTinyCostsWithTheDecimalsTheyNeed() {
		assertThat(this.ticks.getCeilingTickUnit(0.0025).valueToString(0.0075)).isEqualTo("$0.0075");
		assertThat(this.ticks.getCeilingTickUnit(0.00001).valueToString(0.00003)).isEqualTo("$0.00003");
	}

	@Test
	void labelsLargeCostsInWholeDollars() {
		assertThat(this.ticks.getCeilingTickUnit(500).valueToString(1500)).isEqualTo("$1,500");
		assertThat(this.ticks.getCeilingTickUnit(2.5).valueToString(7.5)).isEqualTo("$7.50");
	}

}
