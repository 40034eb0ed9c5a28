package io.costlens.accounts;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

import io.costlens.platform.EndpointRules;

@Configuration(proxyBeanMethods = false)
class AccountsConfiguration {

	/** Sign-in, refresh and password reset answer without a credential. */
	@Bean
	EndpointRules accountEndpoints() {
		return EndpointRules.builder()
			.open("/api/v2/auth/login", "/auth/token", "/auth/refresh", "/api/v2/auth/refresh", "/api/v2/auth/register",
					"/api/v2/auth/password-reset", "/api/v2/auth/password-reset/confirm")
			.selfService("/api/v2/auth/**")
			.build();
	}

	/**
	 * BCrypt today, with the algorithm recorded in each hash so it can change later; run
	 * off the request threads, on as many platform threads as half the cores (at least
	 * one), so sign-ins never hold up other requests.
	 */
	@Bean(destroyMethod = "close")
	PasswordEncoder passwordEncoder() {
		return new OffloadedPasswordEncoder(PasswordEncoderFactories.createDelegatingPasswordEncoder(),
				Math.max(1, Runtime.getRuntime().availableProcessors() / 2));
	}

}
