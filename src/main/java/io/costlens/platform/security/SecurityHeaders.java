package io.costlens.platform.security;

import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * The security headers of every response.
 * <ul>
 * <li>HSTS (one year, subdomains) on every response, not only on HTTPS ones: Costlens
 * usually runs behind a TLS-terminating proxy, where it sees plain HTTP; browsers ignore
 * the header on plain-HTTP responses (RFC 6797 §8.1), so sending it always is harmless.
 * <li>A CSP that allows nothing on API responses; the API documentation pages (Swagger
 * UI, ReDoc) and the job dashboard get one that allows their own scripts, inline styles,
 * data: images and fonts, and blob: workers (ReDoc's search), all from this origin only.
 * <li>{@code X-Frame-Options: DENY}, {@code X-Content-Type-Options: nosniff},
 * {@code Referrer-Policy: strict-origin-when-cross-origin}, a {@code Permissions-Policy}
 * that turns off device features, and {@code Cache-Control: no-store}.
 * </ul>
 */
final class SecurityHeaders {

	static final String API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

	static final String DOCS_CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
			+ "img-src 'self' data:; font-src 'self' data:; worker-src 'self' blob:; connect-src 'self'; "
			+ "frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

	static final String PERMISSIONS_POLICY = "accelerometer=(), camera=(), geolocation=(), gyroscope=(), "
			+ "magnetometer=(), microphone=(), payment=(), usb=()";

	private SecurityHeaders() {
	}

	static void apply(HeadersConfigurer<HttpSecurity> headers) {
		RequestMatcher docs = new OrRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher("/docs"),
				PathPatternRequestMatcher.withDefaults().matcher("/docs/**"),
				PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui/**"),
				PathPatternRequestMatcher.withDefaults().matcher("/redoc"),
				PathPatternRequestMatcher.withDefaults().matcher("/redoc.html"),
				PathPatternRequestMatcher.withDefaults().matcher("/webjars/**"),
				PathPatternRequestMatcher.withDefaults().matcher("/db-scheduler/**"));
		headers
			.httpStrictTransportSecurity((hsts) -> hsts.includeSubDomains(true)
				.maxAgeInSeconds(31_536_000)
				.requestMatcher(AnyRequestMatcher.INSTANCE))
			.frameOptions(HeadersConfigurer.FrameOptionsConfig::deny)
			.contentTypeOptions(Customizer.withDefaults())
			.referrerPolicy((r) -> r.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
			.cacheControl(HeadersConfigurer.CacheControlConfig::disable)
			.addHeaderWriter(new StaticHeadersWriter("Cache-Control", "no-store"))
			.addHeaderWriter(new StaticHeadersWriter("Permissions-Policy", PERMISSIONS_POLICY))
			.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(docs,
					new StaticHeadersWriter("Content-Security-Policy", DOCS_CSP)))
			.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(docs),
					new StaticHeadersWriter("Content-Security-Policy", API_CSP)));
	}

}
