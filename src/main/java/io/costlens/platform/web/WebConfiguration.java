package io.costlens.platform.web;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import io.costlens.platform.EndpointRules;
import io.costlens.platform.TimeParam;
import io.costlens.platform.Times;

@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	/** Every time parameter reads the same forms ({@link Times}). */
	@Override
	public void addFormatters(FormatterRegistry registry) {
		registry.addConverter(String.class, Instant.class, (Converter<String, Instant>) Times::parse);
		registry.addConverter(String.class, TimeParam.class,
				(Converter<String, @Nullable TimeParam>) (text) -> text.isBlank() ? null : TimeParam.parse(text));
		registry.addConverter(String.class, Long.class,
				(Converter<String, @Nullable Long>) (text) -> text.isBlank() ? null : Long.valueOf(digits(text)));
		registry.addConverter(String.class, Integer.class,
				(Converter<String, @Nullable Integer>) (text) -> text.isBlank() ? null : Integer.valueOf(digits(text)));
	}

	/**
	 * Whole-number parameters (ids, pages, limits) are plain decimal: Spring would read
	 * {@code 0x10} or {@code #10} as 16, so {@code /predictions/0x10} would show
	 * prediction 16.
	 */
	static String digits(String text) {
		String value = text.strip();
		int start = (value.startsWith("-") && value.length() > 1) ? 1 : 0;
		if (value.length() > 20 || !value.substring(start).chars().allMatch((c) -> c >= '0' && c <= '9')) {
			throw new NumberFormatException("not a decimal whole number");
		}
		return value;
	}

	/** The API docs, their assets and the error page are never rate-limited. */
	@Bean
	EndpointRules webEndpoints() {
		return EndpointRules.builder()
			.unlimited("/docs", "/docs/**", "/swagger-ui/**", "/redoc", "/redoc.html", "/openapi.json",
					"/openapi.json/**", "/webjars/**", "/favicon.ico", "/error")
			.build();
	}

}
