package io.costlens.platform.jobs;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.costlens.platform.EndpointRules;

/**
 * The job engine: db-scheduler on the application's database (its table comes from
 * Flyway), with its dashboard served inside the application for admins only.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(JobsProperties.class)
class JobsConfiguration {

	/** The dashboard and the API behind it: admins only, reads included. */
	@Bean
	EndpointRules jobDashboardEndpoints() {
		return EndpointRules.builder()
			.adminOnly("/db-scheduler", "/db-scheduler/**", "/db-scheduler-api", "/db-scheduler-api/**")
			.build();
	}

}
