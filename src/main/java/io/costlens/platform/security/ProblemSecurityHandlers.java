package io.costlens.platform.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import io.costlens.platform.web.ProblemWriter;
import io.costlens.platform.web.Problems;

/** Answers 401 and 403 with problem+json, never with a login page or a redirect. */
class ProblemSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

	private final ProblemWriter writer;

	ProblemSecurityHandlers(ProblemWriter writer) {
		this.writer = writer;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		String detail = (ex instanceof BadCredentialsException || ex instanceof DisabledException)
				? "The credentials were not accepted: the API key or token is unknown, revoked, expired or mistyped"
				: "Authentication required: send an API key as X-API-Key or Authorization: Bearer";
		response.setHeader("WWW-Authenticate", "Bearer");
		this.writer.write(response, Problems.of(HttpStatus.UNAUTHORIZED, detail, request.getRequestURI()));
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
			throws IOException {
		this.writer.write(response,
				Problems.of(HttpStatus.FORBIDDEN, "Your role does not allow this request", request.getRequestURI()));
	}

}
