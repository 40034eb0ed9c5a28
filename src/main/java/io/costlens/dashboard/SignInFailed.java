package io.costlens.dashboard;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * Back to the sign-in form, saying whether the password was wrong or tries were
 * throttled.
 */
final class SignInFailed implements AuthenticationFailureHandler {

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		String reason = (exception instanceof LockedException) ? "throttled" : "error";
		response.sendRedirect(request.getContextPath() + "/ui/login?" + reason);
	}

}
