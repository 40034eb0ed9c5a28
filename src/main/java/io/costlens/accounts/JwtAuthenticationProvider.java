package io.costlens.accounts;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.stereotype.Component;

import io.costlens.platform.ApiCredential;

/**
 * Checks access tokens (credentials shaped like a JWT) and that their user still exists
 * and is active; the user's current role and tier apply, not the ones in the token.
 */
@Component
class JwtAuthenticationProvider implements AuthenticationProvider {

	private final AccessTokens tokens;

	private final UserRepository users;

	JwtAuthenticationProvider(AccessTokens tokens, UserRepository users) {
		this.tokens = tokens;
		this.users = users;
	}

	@Override
	public @Nullable Authentication authenticate(Authentication authentication) {
		ApiCredential credential = (ApiCredential) authentication;
		if (!credential.looksLikeJwt()) {
			return null;
		}
		Jwt jwt;
		UUID userId;
		try {
			jwt = this.tokens.check(credential.value());
			userId = UUID.fromString(String.valueOf(jwt.getSubject()));
		}
		catch (JwtException | IllegalArgumentException ex) {
			throw new BadCredentialsException("Invalid access token", ex);
		}
		UserAccount user = this.users.findById(userId)
			.filter(UserAccount::active)
			.orElseThrow(() -> new BadCredentialsException("Unknown or deactivated user"));
		return ApiCredential.authenticated(user.asCaller());
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return ApiCredential.class.isAssignableFrom(authentication);
	}

}
