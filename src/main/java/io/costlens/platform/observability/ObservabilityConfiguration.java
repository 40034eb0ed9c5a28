package io.costlens.platform.observability;

import io.micrometer.common.KeyValue;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationFilter;
import jakarta.servlet.DispatcherType;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import io.costlens.platform.CorrelationId;
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
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC);
		return registration;
	}

	/**
	 * While tracing is on, every span (HTTP, JDBC, job, OpenRouter call) carries the
	 * correlation id of the work it belongs to as {@code correlation_id}. A
	 * high-cardinality value: spans only, never a metric label.
	 */
	@Bean
	@Conditional(TracingSwitch.On.class)
	ObservationFilter correlationIdOnSpans() {
		return (context) -> {
			if (context.getHighCardinalityKeyValue(CorrelationId.KEY) == null) {
				CorrelationId.current()
					.ifPresent((id) -> context.addHighCardinalityKeyValue(KeyValue.of(CorrelationId.KEY, id)));
			}
			return context;
		};
	}

}
