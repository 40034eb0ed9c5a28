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
import org.springframework.web.filter.OncePerRequestFilter;

import io.costlens.platform.ApiCredential;

/**
 * Reads the caller's credential from {@code X-API-Key} or {@code Authorization: Bearer}
 * and has it checked. A request without one goes on as anonymous; one with a bad
 * credential is answered 401 by {@link RejectBadCredentials} once the rate limit (per
 * client IP) has counted it, so guessing keys is throttled too.
 */
class ApiCredentialsFilter extends OncePerRequestFilter {

	static final String API_KEY_HEADER = "X-API-Key";

	static final String FAILURE = ApiCredentialsFilter.class.getName() + ".failure";

	private final AuthenticationManager authentication;

	ApiCredentialsFilter(AuthenticationManager authentication) {
		this.authentication = authentication;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String credential = credentialOf(request);
		if (credential != null) {
			try {
				Authentication result = this.authentication.authenticate(new ApiCredential(credential));
				SecurityContextHolder.getContext().setAuthentication(result);
			}
			catch (AuthenticationException ex) {
				SecurityContextHolder.clearContext();
				request.setAttribute(FAILURE, ex);
			}
		}
		chain.doFilter(request, response);
	}

	/** Answers 401 to a request whose credential failed the check. */
	static final class RejectBadCredentials extends OncePerRequestFilter {

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
