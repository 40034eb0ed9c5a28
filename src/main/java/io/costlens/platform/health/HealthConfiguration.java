package io.costlens.platform.health;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.costlens.platform.EndpointRules;

@Configuration(proxyBeanMethods = false)
class HealthConfiguration {

	/**
	 * Load balancers and Kubernetes call the probes without a credential and as often as
	 * they like. The service details (Java and database versions, file locations) are for
	 * admins only.
	 */
	@Bean
	EndpointRules healthEndpoints() {
		String[] probes = { "/api/v2/health/live", "/api/v2/health/ready", "/api/v2/health/startup" };
		return EndpointRules.builder()
			.open(probes)
			.unlimited(probes)
			.unlimited("/health", "/ready")
			.adminOnly("/api/v2/health/info")
			.build();
	}

}
