package io.costlens.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Money as reports show it: the CSV with the metrics endpoint's strings (half-even to
 * {@value #SCALE} places), the PDF as US dollars a reader can take in.
 */
final class Money {

	static final int SCALE = 10;

	private Money() {
	}

	/** Exactly as {@code GET /api/v1/scenarios/{id}/metrics} shows it. */
	static String exact(BigDecimal amount) {
		return amount.setScale(SCALE, RoundingMode.HALF_EVEN).toPlainString();
	}

	/**
	 * {@code $1,234.56} from a cent up; below that, six decimal places
	 * ({@code $0.000412}); a missing amount is "no price".
	 */
	static String readable(@Nullable BigDecimal amount) {
		if (amount == null) {
			return "no price";
		}
		DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.US);
		boolean small = amount.signum() != 0 && amount.abs().compareTo(new BigDecimal("0.01")) < 0;
		DecimalFormat format = new DecimalFormat(small ? "$#,##0.000000" : "$#,##0.00", symbols);
		format.setRoundingMode(RoundingMode.HALF_EVEN);
		return format.format(amount);
	}

}
