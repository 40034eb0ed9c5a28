package io.costlens.platform.web;

import java.beans.PropertyEditorSupport;
import java.util.function.Function;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Whole-number path variables and query parameters are plain decimal. The conversion
 * service's converters ({@link WebConfiguration}) are not enough: when one refuses a
 * value, the data binder falls back to its default number editor, which reads
 * {@code 0x10} and {@code #10} as 16. An editor registered here is consulted first, and
 * its refusal is final (400).
 */
@ControllerAdvice
class PlainDecimalNumbers {

	@InitBinder
	void plainDecimalNumbers(WebDataBinder binder) {
		binder.registerCustomEditor(long.class, new Decimal(Long::valueOf, false));
		binder.registerCustomEditor(Long.class, new Decimal(Long::valueOf, true));
		binder.registerCustomEditor(int.class, new Decimal(Integer::valueOf, false));
		binder.registerCustomEditor(Integer.class, new Decimal(Integer::valueOf, true));
	}

	private static final class Decimal extends PropertyEditorSupport {

		private final Function<String, Number> parse;

		private final boolean nullable;

		Decimal(Function<String, Number> parse, boolean nullable) {
			this.parse = parse;
			this.nullable = nullable;
		}

		@Override
		public void setAsText(String text) {
			if (this.nullable && text.isBlank()) {
				setValue(null);
				return;
			}
			setValue(this.parse.apply(WebConfiguration.digits(text)));
		}

		@Override
		public String getAsText() {
			Object value = getValue();
			return (value != null) ? value.toString() : "";
		}

	}

}
