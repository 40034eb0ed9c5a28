package io.costlens.platform.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

import io.costlens.platform.EndpointRules;
import io.costlens.platform.Role;
import io.costlens.platform.ratelimit.RateLimitFilter;
import io.costlens.platform.ratelimit.RateLimitFilters;
import io.costlens.platform.security.ApiCredentialsFilter.RejectBadCredentials;
import io.costlens.platform.web.ProblemWriter;

/**
 * Who may call what. Every {@code /api} and actuator path, and every path a module
 * declares secured in its {@link EndpointRules}, needs a credential; viewers may only
 * read; the paths a module declares admin-only are for admins alone; everything else
 * (service info, API docs, the paths modules declare open) is open. Credentials are
 * checked by the {@link AuthenticationProvider}s the modules contribute; then the
 * caller's rate limit applies; then the rules.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	/** The prefixes that always need a credential, whatever a module declares. */
	static final String[] SECURED = { "/api/**", "/actuator/**" };

	/**
	 * No Micrometer observation of each security filter, authentication and
	 * authorization: they wrapped every one of the chain's filters in an observation of
	 * its own, a fifth of the CPU time of a {@code /health} request (JFR,
	 * bench/request-path), and no meter, dashboard or alert reads them. The HTTP server
	 * observation ({@code http.server.requests}) still times every request.
	 */
	@Bean
	static SecurityObservationSettings securityObservations() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	SecurityFilterChain apiSecurity(HttpSecurity http, List<AuthenticationProvider> providers, ProblemWriter problems,
			RateLimitFilters rateLimit, SecurityProperties properties, List<EndpointRules> rules) throws Exception {
		String[] open = collect(rules, EndpointRules::open);
		String[] secured = concat(SECURED, collect(rules, EndpointRules::secured));
		String[] selfService = collect(rules, EndpointRules::selfService);
		String[] adminOnly = collect(rules, EndpointRules::adminOnly);
		ProblemSecurityHandlers handlers = new ProblemSecurityHandlers(problems);
		List<RequestMatcher> tokenPaths = new ArrayList<>();
		tokenPaths.add((request) -> false);
		for (String path : collect(rules, EndpointRules::queryTokens)) {
			tokenPaths.add(PathPatternRequestMatcher.withDefaults().matcher(path));
		}
		RequestMatcher queryTokens = new OrRequestMatcher(tokenPaths);
		ApiCredentialsFilter credentials = new ApiCredentialsFilter(new ProviderManager(providers), queryTokens);
		String[] writers = { Role.ADMIN.name(), Role.MEMBER.name() };
		return http.csrf(AbstractHttpConfigurer::disable)
			.httpBasic(AbstractHttpConfigurer::disable)
			.formLogin(AbstractHttpConfigurer::disable)
			.logout(AbstractHttpConfigurer::disable)
			.requestCache(AbstractHttpConfigurer::disable)
			// nothing asks the servlet request for the caller (getUserPrincipal,
			// isUserInRole): the handlers read the security context, so no wrapper around
			// every request to answer those
			.servletApi(AbstractHttpConfigurer::disable)
			.sessionManagement((s) -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.cors((c) -> c.configurationSource(cors(properties)))
			.headers(SecurityHeaders::apply)
			.exceptionHandling((e) -> e.authenticationEntryPoint(handlers).accessDeniedHandler(handlers))
			// credentials, then the rate limit, then the refusal of bad credentials, all
			// before
			// the rules: a bad credential is answered as such, not as a missing one
			.addFilterBefore(new RejectBadCredentials(handlers), AuthorizationFilter.class)
			.addFilterBefore(rateLimit.filter(), RejectBadCredentials.class)
			.addFilterBefore(credentials, RateLimitFilter.class)
			.authorizeHttpRequests((a) -> a.requestMatchers(open)
				.permitAll()
				.requestMatchers(adminOnly)
				.hasRole(Role.ADMIN.name())
				.requestMatchers(HttpMethod.GET, secured)
				.authenticated()
				.requestMatchers(HttpMethod.HEAD, secured)
				.authenticated()
				.requestMatchers(selfService)
				.authenticated()
				.requestMatchers(secured)
				.hasAnyRole(writers)
				.anyRequest()
				.permitAll())
			.build();
	}

	private static String[] collect(List<EndpointRules> rules, Function<EndpointRules, Set<String>> part) {
		return rules.stream().flatMap((r) -> part.apply(r).stream()).distinct().sorted().toArray(String[]::new);
	}

	private static String[] concat(String[] first, String[] second) {
		return Stream.concat(Arrays.stream(first), Arrays.stream(second)).toArray(String[]::new);
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
