package io.costlens.dashboard;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.logout.LogoutHandler;

import io.costlens.accounts.Accounts;
import io.costlens.dashboard.SessionSignIn.SessionDetails;
import io.costlens.platform.CurrentUser;
import io.costlens.platform.ProblemException;

/** Revokes the refresh token the session's sign-in started (audited as a logout). */
final class SignOut implements LogoutHandler {

	private final Accounts accounts;

	SignOut(Accounts accounts) {
		this.accounts = accounts;
	}

	@Override
	public void logout(HttpServletRequest request, HttpServletResponse response,
			@Nullable Authentication authentication) {
		if (authentication != null && authentication.getPrincipal() instanceof CurrentUser user
				&& authentication.getDetails() instanceof SessionDetails details) {
			try {
				this.accounts.signOut(user, details.refreshToken(), request.getRemoteAddr());
			}
			catch (ProblemException ex) {
				// already revoked (the user was deactivated): the session ends all the
				// same
			}
		}
	}

}
