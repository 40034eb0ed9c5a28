package io.costlens.platform.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import io.costlens.platform.EndpointRules;

/**
 * API v2 beside v1: every v1 handler also answers under {@code /api/v2}, v1 responses
 * announce their deprecation, and {@code GET /api/deprecation} maps v1 paths to v2.
 */
@Configuration(proxyBeanMethods = false)
class ApiVersionConfiguration {

	@Bean
	WebMvcRegistrations v2Mappings() {
		return new WebMvcRegistrations() {

			@Override
			public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
				return new V2Mappings();
			}

		};
	}

	/** Before security, so a 401 or 429 on v1 is marked deprecated too. */
	@Bean
	FilterRegistrationBean<DeprecationHeaders> deprecationHeaders(ApiProperties properties, ProblemWriter problems) {
		FilterRegistrationBean<DeprecationHeaders> registration = new FilterRegistrationBean<>(
				new DeprecationHeaders(properties, problems));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
		return registration;
	}

	/** The migration guide is for anyone who reads the docs. */
	@Bean
	EndpointRules deprecationGuide() {
		return EndpointRules.builder().open(DeprecationHeaders.GUIDE).build();
	}

}
