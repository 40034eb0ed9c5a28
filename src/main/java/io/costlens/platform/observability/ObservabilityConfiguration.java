package io.costlens.platform.observability;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import io.costlens.platform.web.ProblemWriter;

@Configuration(proxyBeanMethods = false)
class ObservabilityConfiguration {

	/** First of all filters, so that even a 413 or a 401 carries the id. */
	@Bean
	FilterRegistrationBean<CorrelationIdFilter> correlationIds(ProblemWriter problems) {
		FilterRegistrationBean<CorrelationIdFilter> registration = new FilterRegistrationBean<>(
				new CorrelationIdFilter(problems));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	/** Right inside the correlation ids: every response is measured, errors included. */
	@Bean
	FilterRegistrationBean<ResponseSizeMetrics> responseSizes(MeterRegistry meters) {
		FilterRegistrationBean<ResponseSizeMetrics> registration = new FilterRegistrationBean<>(
				new ResponseSizeMetrics(meters));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
		return registration;
	}

}
