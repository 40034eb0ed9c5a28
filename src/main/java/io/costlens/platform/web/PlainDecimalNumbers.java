package io.costlens.platform.web;

import java.beans.PropertyEditorSupport;
import java.util.Arrays;
import java.util.function.Function;

import org.springframework.beans.PropertyEditorRegistrar;
import org.springframework.beans.PropertyEditorRegistry;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.ConfigurableWebBindingInitializer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

/**
 * Whole-number path variables and query parameters are plain decimal. The conversion
 * service's converters ({@link WebConfiguration}) are not enough: when one refuses a
 * value, the data binder falls back to its default number editor, which reads
 * {@code 0x10} and {@code #10} as 16. An editor registered here is consulted first, and
 * its refusal is final (400).
 * <p>
 * The editors go to every data binder through the handler adapter's binding initializer,
 * not through an {@code @InitBinder} method of a {@code @ControllerAdvice}: for such a
 * method Spring MVC builds an invocable handler method on every request, whether the
 * request binds anything or not, a few per cent of the CPU time of a {@code /health}
 * request (JFR, bench/request-path).
 */
@Component
class PlainDecimalNumbers implements BeanPostProcessor {

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof RequestMappingHandlerAdapter adapter) {
			if (!(adapter.getWebBindingInitializer() instanceof ConfigurableWebBindingInitializer initializer)) {
				throw new IllegalStateException("Cannot make whole-number parameters plain decimal: the handler "
						+ "adapter " + beanName + " has no ConfigurableWebBindingInitializer");
			}
			PropertyEditorRegistrar[] before = initializer.getPropertyEditorRegistrars();
			PropertyEditorRegistrar[] after = (before != null) ? Arrays.copyOf(before, before.length + 1)
					: new PropertyEditorRegistrar[1];
			after[after.length - 1] = PlainDecimalNumbers::register;
			initializer.setPropertyEditorRegistrars(after);
		}
		return bean;
	}

	static void register(PropertyEditorRegistry binder) {
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
