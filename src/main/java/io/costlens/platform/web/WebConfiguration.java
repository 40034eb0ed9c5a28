package io.costlens.platform.web;

import java.time.Instant;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import io.costlens.platform.EndpointRules;
import io.costlens.platform.Times;

@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	/** Every time parameter reads the same forms ({@link Times}). */
	@Override
	public void addFormatters(FormatterRegistry registry) {
		registry.addConverter(String.class, Instant.class, (Converter<String, Instant>) Times::parse);
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
