package io.costlens.platform.security;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

import io.costlens.platform.Role;
import io.costlens.platform.ratelimit.RateLimitFilter;
import io.costlens.platform.ratelimit.RateLimitFilters;
import io.costlens.platform.security.ApiCredentialsFilter.RejectBadCredentials;
import io.costlens.platform.web.ProblemWriter;

/**
 * Who may call what. Every API, ingest and WebSocket path needs a credential; viewers may
 * only read; everything else (service info, health probes, API docs, login) is open.
 * Credentials are checked by the {@link AuthenticationProvider}s the modules contribute;
 * then the caller's rate limit applies; then the rules.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	/**
	 * Paths that answer without a credential even though they sit under a protected
	 * prefix.
	 */
	static final String[] OPEN = { "/api/v2/health/live", "/api/v2/health/ready", "/api/v2/health/startup",
			"/api/v2/auth/login", "/auth/token", "/auth/refresh", "/api/v2/auth/refresh", "/api/v2/auth/register",
			"/api/v2/auth/password-reset", "/api/v2/auth/password-reset/confirm" };

	/** Paths that need a credential. */
	static final String[] PROTECTED = { "/api/**", "/ingest", "/ingest/**", "/flush", "/ws/**", "/actuator/**" };

	/** Writes a caller of any role may make on their own account. */
	static final String[] SELF_SERVICE = { "/api/v2/auth/**" };

	@Bean
	SecurityFilterChain apiSecurity(HttpSecurity http, List<AuthenticationProvider> providers, ProblemWriter problems,
			RateLimitFilters rateLimit, SecurityProperties properties) throws Exception {
		ProblemSecurityHandlers handlers = new ProblemSecurityHandlers(problems);
		ApiCredentialsFilter credentials = new ApiCredentialsFilter(new ProviderManager(providers));
		String[] writers = { Role.ADMIN.name(), Role.MEMBER.name() };
		return http.csrf(AbstractHttpConfigurer::disable)
			.httpBasic(AbstractHttpConfigurer::disable)
			.formLogin(AbstractHttpConfigurer::disable)
			.logout(AbstractHttpConfigurer::disable)
			.requestCache(AbstractHttpConfigurer::disable)
			.sessionManagement((s) -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.cors((c) -> c.configurationSource(cors(properties)))
			.headers(SecurityHeaders::apply)
			.exceptionHandling((e) -> e.authenticationEntryPoint(handlers).accessDeniedHandler(handlers))
			.addFilterBefore(credentials, AuthorizationFilter.class)
			.addFilterAfter(rateLimit.filter(), ApiCredentialsFilter.class)
			.addFilterAfter(new RejectBadCredentials(handlers), RateLimitFilter.class)
			.authorizeHttpRequests((a) -> a.requestMatchers(OPEN)
				.permitAll()
				.requestMatchers(HttpMethod.GET, PROTECTED)
				.authenticated()
				.requestMatchers(HttpMethod.HEAD, PROTECTED)
				.authenticated()
				.requestMatchers(SELF_SERVICE)
				.authenticated()
				.requestMatchers(PROTECTED)
				.hasAnyRole(writers)
				.anyRequest()
				.permitAll())
			.build();
	}

	private static UrlBasedCorsConfigurationSource cors(SecurityProperties properties) {
		CorsConfiguration cors = new CorsConfiguration();
		cors.setAllowedOrigins(properties.corsOrigins());
		cors.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
		cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "X-API-Key", "X-Correlation-ID"));
		cors.setExposedHeaders(List.of("X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset", "Retry-After",
				"X-Correlation-ID"));
		cors.setMaxAge(3600L);
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		source.registerCorsConfiguration("/**", cors);
		return source;
	}

}
