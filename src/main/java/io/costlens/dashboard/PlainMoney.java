package io.costlens.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * Money in JSON: a string with ten decimals (half-even), never a float, never exponent
 * notation.
 */
final class PlainMoney extends StdSerializer<BigDecimal> {

	static final int SCALE = 10;

	PlainMoney() {
		super(BigDecimal.class);
	}

	@Override
	public void serialize(BigDecimal value, JsonGenerator generator, SerializationContext context) {
		generator.writeString(value.setScale(SCALE, RoundingMode.HALF_EVEN).toPlainString());
	}

}
