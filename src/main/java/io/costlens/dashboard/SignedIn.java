package io.costlens.dashboard;

import java.io.IOException;
import java.time.Duration;
import java.util.Locale;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

import io.costlens.platform.CurrentUser;

/**
 * Gives a new session its timeout and the user's saved language, then goes where the
 * browser wanted to go.
 */
final class SignedIn extends SavedRequestAwareAuthenticationSuccessHandler {

	private final Duration timeout;

	private final Preferences preferences;

	SignedIn(Duration timeout, Preferences preferences) {
		this.timeout = timeout;
		this.preferences = preferences;
		setDefaultTargetUrl("/ui/");
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws ServletException, IOException {
		request.getSession().setMaxInactiveInterval((int) Math.min(Integer.MAX_VALUE, this.timeout.toSeconds()));
		if (authentication.getPrincipal() instanceof CurrentUser user) {
			Locale saved = this.preferences.of(user.userId()).locale();
			if (saved != null) {
				request.getSession().setAttribute(DashboardLocales.ATTRIBUTE, DashboardLocales.supported(saved));
			}
		}
		super.onAuthenticationSuccess(request, response, authentication);
	}

}
