package io.costlens.dashboard;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import io.costlens.accounts.Accounts;
import io.costlens.accounts.Accounts.SignIn;
import io.costlens.platform.ProblemException;

/**
 * Checks a username and password the way the API's login does (same throttle, same audit
 * entries) and makes the user the session's caller. The refresh token the sign-in started
 * is kept in the session so that signing out revokes it.
 */
final class SessionSignIn implements AuthenticationProvider {

	private final Accounts accounts;

	SessionSignIn(Accounts accounts) {
		this.accounts = accounts;
	}

	@Override
	public Authentication authenticate(Authentication request) {
		String ip = (request.getDetails() instanceof WebAuthenticationDetails details) ? details.getRemoteAddress()
				: "unknown";
		SignIn signIn;
		try {
			signIn = this.accounts.signIn(request.getName(), String.valueOf(request.getCredentials()), ip);
		}
		catch (ProblemException ex) {
			if (ex.status() == HttpStatus.TOO_MANY_REQUESTS) {
				throw new LockedException(ex.getMessage());
			}
			throw new BadCredentialsException(ex.getMessage());
		}
		UsernamePasswordAuthenticationToken result = UsernamePasswordAuthenticationToken.authenticated(signIn.caller(),
				null, java.util.List.of(new SimpleGrantedAuthority(signIn.caller().role().authority())));
		result.setDetails(new SessionDetails(signIn.refreshToken(), ip,
				this.accounts.user(signIn.caller().userId()).credentialsChangedAt()));
		return result;
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

	/**
	 * What the session keeps besides the caller.
	 *
	 * @param refreshToken revoked on sign-out
	 * @param clientIp where the session signed in from
	 * @param credentialsChangedAt the user's at sign-in: once it changes (a password
	 * change or reset), the session ends
	 */
	record SessionDetails(String refreshToken, String clientIp, java.time.@Nullable Instant credentialsChangedAt) {

		@Override
		public String toString() {
			return "SessionDetails[clientIp=" + this.clientIp + "]";
		}

	}

}
