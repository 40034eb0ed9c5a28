package io.costlens.platform;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A credential a request presented ({@code X-API-Key} or {@code Authorization: Bearer}),
 * not yet checked. Modules that own credentials contribute an
 * {@link org.springframework.security.authentication.AuthenticationProvider} for it.
 */
public final class ApiCredential extends AbstractAuthenticationToken {

	private final String value;

	public ApiCredential(String value) {
		super(List.of());
		this.value = value;
	}

	/** The raw credential as sent. */
	public String value() {
		return this.value;
	}

	/** Whether it has the three dot-separated parts of a JSON Web Token. */
	public boolean looksLikeJwt() {
		return this.value.chars().filter((c) -> c == '.').count() == 2;
	}

	@Override
	public Object getCredentials() {
		return this.value;
	}

	@Override
	public Object getPrincipal() {
		return "credential";
	}

	/** The authentication a provider returns once it has checked the credential. */
	public static Authentication authenticated(CurrentUser user) {
		return UsernamePasswordAuthenticationToken.authenticated(user, null,
				List.of(new SimpleGrantedAuthority(user.role().authority())));
	}

}
