package io.costlens.platform.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.costlens.platform.EndpointRules;

@Configuration(proxyBeanMethods = false)
class WebConfiguration {

	/** The API docs, their assets and the error page are never rate-limited. */
	@Bean
	EndpointRules webEndpoints() {
		return EndpointRules.builder()
			.unlimited("/docs", "/docs/**", "/swagger-ui/**", "/redoc", "/redoc.html", "/openapi.json",
					"/openapi.json/**", "/webjars/**", "/favicon.ico", "/error")
			.build();
	}

}
