package io.costlens.dashboard;

import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import io.costlens.accounts.internal.AuthService;
import io.costlens.accounts.internal.AuthService.Tokens;
import io.costlens.platform.ApiCredential;
import io.costlens.platform.CurrentUser;
import io.costlens.platform.ProblemException;

/**
 * Checks a username and password the way the API's login does (same throttle, same audit
 * entries), then turns the access token it issues into the session's caller. The refresh
 * token is kept in the session so that signing out revokes it.
 */
final class SessionSignIn implements AuthenticationProvider {

	private final AuthService auth;

	private final AuthenticationManager credentials;

	SessionSignIn(AuthService auth, AuthenticationManager credentials) {
		this.auth = auth;
		this.credentials = credentials;
	}

	@Override
	public Authentication authenticate(Authentication request) {
		String ip = (request.getDetails() instanceof WebAuthenticationDetails details) ? details.getRemoteAddress()
				: "unknown";
		Tokens tokens;
		try {
			tokens = this.auth.login(request.getName(), String.valueOf(request.getCredentials()), ip);
		}
		catch (ProblemException ex) {
			if (ex.status() == HttpStatus.TOO_MANY_REQUESTS) {
				throw new LockedException(ex.getMessage());
			}
			throw new BadCredentialsException(ex.getMessage());
		}
		Authentication checked = this.credentials.authenticate(new ApiCredential(tokens.accessToken()));
		CurrentUser user = (CurrentUser) checked.getPrincipal();
		UsernamePasswordAuthenticationToken result = UsernamePasswordAuthenticationToken.authenticated(user, null,
				checked.getAuthorities());
		result.setDetails(new SessionDetails(tokens.refreshToken(), ip));
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
	 */
	record SessionDetails(String refreshToken, String clientIp) {

		@Override
		public String toString() {
			return "SessionDetails[clientIp=" + this.clientIp + "]";
		}

	}

}
