package io.costlens.platform.health;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.costlens.platform.EndpointRules;

@Configuration(proxyBeanMethods = false)
class HealthConfiguration {

	/**
	 * Load balancers and Kubernetes call the probes without a credential and as often as
	 * they like.
	 */
	@Bean
	EndpointRules healthEndpoints() {
		String[] probes = { "/api/v2/health/live", "/api/v2/health/ready", "/api/v2/health/startup" };
		return EndpointRules.builder().open(probes).unlimited(probes).unlimited("/health", "/ready").build();
	}

}
