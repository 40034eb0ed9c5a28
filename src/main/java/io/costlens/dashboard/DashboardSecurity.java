package io.costlens.dashboard;

import org.springframework.boot.web.server.servlet.CookieSameSiteSupplier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;

import io.costlens.accounts.Accounts;
import io.costlens.platform.Role;

/**
 * The dashboard's own filter chain for {@code /ui/**}: a form sign-in into a server-side
 * session (HttpOnly, SameSite=Lax cookie, a timeout), CSRF tokens on every form and htmx
 * request, sign-out, and a CSP that lets only this origin's scripts and styles run. Every
 * role reads; viewers may only change their own preferences. Signed-out users reach the
 * sign-in and the password-reset pages only. The API chain stays stateless.
 */
@Configuration(proxyBeanMethods = false)
class DashboardSecurity {

	static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
			+ "font-src 'self'; connect-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; "
			+ "form-action 'self'";

	@Bean
	@Order(1)
	SecurityFilterChain dashboardFilterChain(HttpSecurity http, Accounts accounts, DashboardProperties properties,
			Preferences preferences) throws Exception {
		HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
		AccessDeniedHandlerImpl denied = new AccessDeniedHandlerImpl();
		denied.setErrorPage("/ui/denied");
		String[] writers = { Role.ADMIN.name(), Role.MEMBER.name() };
		return http.securityMatcher("/ui", "/ui/**")
			.securityContext((c) -> c.securityContextRepository(contexts))
			.authenticationManager(new ProviderManager(new SessionSignIn(accounts)))
			.formLogin((f) -> f.loginPage("/ui/login")
				.successHandler(new SignedIn(properties.sessionTimeout(), preferences))
				.failureHandler(new SignInFailed())
				.permitAll())
			.logout((l) -> l.logoutUrl("/ui/logout")
				.addLogoutHandler(new SignOut(accounts))
				.logoutSuccessUrl("/ui/login?signed-out")
				.deleteCookies("JSESSIONID"))
			.headers(
					(h) -> h.frameOptions(HeadersConfigurer.FrameOptionsConfig::deny)
						.referrerPolicy((r) -> r.policy(ReferrerPolicy.SAME_ORIGIN))
						.contentSecurityPolicy((c) -> c.policyDirectives(CSP))
						.addHeaderWriter(new StaticHeadersWriter("Permissions-Policy",
								"camera=(), microphone=(), geolocation=()")))
			.exceptionHandling((e) -> e.accessDeniedHandler(denied))
			.addFilterBefore(new SessionUserCheck(accounts, contexts), AuthorizationFilter.class)
			.authorizeHttpRequests((a) -> a
				.requestMatchers("/ui/assets/**", "/ui/vendor/**", "/ui/login", "/ui/forgot-password",
						"/ui/reset-password")
				.permitAll()
				.requestMatchers("/ui/denied", "/ui/preferences/**")
				.authenticated()
				.requestMatchers("/ui/audit/**", "/ui/users/**", "/ui/demo")
				.hasRole(Role.ADMIN.name())
				.requestMatchers(HttpMethod.POST, "/ui/prices/**")
				.hasRole(Role.ADMIN.name())
				.requestMatchers(HttpMethod.GET, "/ui", "/ui/**")
				.authenticated()
				.anyRequest()
				.hasAnyRole(writers))
			.build();
	}

	/**
	 * The session cookie is sent on top-level navigations only, never on cross-site
	 * posts.
	 */
	@Bean
	CookieSameSiteSupplier dashboardSessionCookie() {
		return CookieSameSiteSupplier.ofLax().whenHasName("JSESSIONID");
	}

}
