package io.costlens.accounts;

import java.time.Instant;
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
 * Checks access tokens (credentials shaped like a JWT) and that their user still exists,
 * is active and has not changed credentials since the token was issued (password changed
 * or reset, refresh token reused, deactivated); the user's current role and tier apply,
 * not the ones in the token.
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
		Instant issuedAt = jwt.getIssuedAt();
		UserAccount user = this.users.findById(userId)
			.filter(UserAccount::active)
			.filter((u) -> issuedAt != null && !u.refuses(issuedAt))
			.orElseThrow(() -> new BadCredentialsException(
					"Unknown or deactivated user, or a token older than " + "the user's last change of credentials"));
		return ApiCredential.authenticated(user.asCaller());
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return ApiCredential.class.isAssignableFrom(authentication);
	}

}
