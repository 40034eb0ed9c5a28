package io.costlens.platform.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.RequestMatcher;

import io.costlens.platform.ApiCredential;
import io.costlens.platform.DatabaseOutage;
import io.costlens.platform.web.RequestFilter;

/**
 * Reads the caller's credential from {@code X-API-Key} or {@code Authorization: Bearer}
 * (or, on the paths a module declares with {@code queryToken}, from an
 * {@code access_token} query parameter) and has it checked. A request without one goes on
 * as anonymous; one with a bad credential is answered 401 by {@link RejectBadCredentials}
 * once the rate limit (per client IP) has counted it, so guessing keys is throttled too.
 */
class ApiCredentialsFilter extends RequestFilter {

	static final String API_KEY_HEADER = "X-API-Key";

	static final String FAILURE = ApiCredentialsFilter.class.getName() + ".failure";

	static final String QUERY_TOKEN = "access_token";

	private final AuthenticationManager authentication;

	private final RequestMatcher queryTokenPaths;

	ApiCredentialsFilter(AuthenticationManager authentication, RequestMatcher queryTokenPaths) {
		this.authentication = authentication;
		this.queryTokenPaths = queryTokenPaths;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String credential = credentialOf(request);
		if (credential == null && this.queryTokenPaths.matches(request)) {
			String token = request.getParameter(QUERY_TOKEN);
			credential = (token == null || token.isBlank()) ? null : token.strip();
		}
		if (credential != null) {
			try {
				Authentication result = this.authentication.authenticate(new ApiCredential(credential));
				SecurityContextHolder.getContext().setAuthentication(result);
			}
			catch (AuthenticationException ex) {
				SecurityContextHolder.clearContext();
				if (DatabaseOutage.isCause(ex)) {
					// the key could not be checked, it is not wrong: 503, not 401
					throw DatabaseOutage.problem();
				}
				request.setAttribute(FAILURE, ex);
			}
		}
		chain.doFilter(request, response);
	}

	/** Answers 401 to a request whose credential failed the check. */
	static final class RejectBadCredentials extends RequestFilter {

		private final AuthenticationEntryPoint entryPoint;

		RejectBadCredentials(AuthenticationEntryPoint entryPoint) {
			this.entryPoint = entryPoint;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			if (request.getAttribute(FAILURE) instanceof AuthenticationException failure) {
				this.entryPoint.commence(request, response, failure);
				return;
			}
			chain.doFilter(request, response);
		}

	}

	private static @Nullable String credentialOf(HttpServletRequest request) {
		String apiKey = request.getHeader(API_KEY_HEADER);
		if (apiKey != null && !apiKey.isBlank()) {
			return apiKey.strip();
		}
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
			String token = authorization.substring(7).strip();
			return token.isEmpty() ? null : token;
		}
		return null;
	}

}
