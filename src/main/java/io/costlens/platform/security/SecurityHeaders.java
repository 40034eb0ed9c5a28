package io.costlens.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
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
			.addHeaderWriter(new ContentSecurityPolicy());
	}

	/**
	 * The docs' CSP on the docs pages, the API's on every other response, unless the
	 * handler set one. The docs paths are matched once per response, and only when the
	 * path could be one: a path within the application that starts with none of the docs'
	 * prefixes and has no percent-escape (which the patterns match decoded) is not. (Two
	 * writers that each matched all seven patterns took 2.4 % of a {@code /health}
	 * request's CPU time, JFR, bench/request-path.)
	 */
	static final class ContentSecurityPolicy implements HeaderWriter {

		static final String HEADER = "Content-Security-Policy";

		private static final String[] DOCS_PREFIXES = { "/docs", "/swagger-ui", "/redoc", "/webjars", "/db-scheduler" };

		private final RequestMatcher docs = new OrRequestMatcher(
				PathPatternRequestMatcher.withDefaults().matcher("/docs"),
				PathPatternRequestMatcher.withDefaults().matcher("/docs/**"),
				PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui/**"),
				PathPatternRequestMatcher.withDefaults().matcher("/redoc"),
				PathPatternRequestMatcher.withDefaults().matcher("/redoc.html"),
				PathPatternRequestMatcher.withDefaults().matcher("/webjars/**"),
				PathPatternRequestMatcher.withDefaults().matcher("/db-scheduler/**"));

		@Override
		public void writeHeaders(HttpServletRequest request, HttpServletResponse response) {
			if (!response.containsHeader(HEADER)) {
				response.setHeader(HEADER, isDocs(request) ? DOCS_CSP : API_CSP);
			}
		}

		private boolean isDocs(HttpServletRequest request) {
			String uri = request.getRequestURI();
			String path = uri.substring(Math.min(request.getContextPath().length(), uri.length()));
			if (path.indexOf('%') < 0 && !startsWithDocsPrefix(path)) {
				return false;
			}
			return this.docs.matches(request);
		}

		private static boolean startsWithDocsPrefix(String path) {
			for (String prefix : DOCS_PREFIXES) {
				if (path.startsWith(prefix)) {
					return true;
				}
			}
			return false;
		}

	}

}
