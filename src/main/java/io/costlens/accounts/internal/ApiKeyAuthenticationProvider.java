package io.costlens.accounts.internal;

import java.time.Duration;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

import io.costlens.platform.ApiCredential;
import io.costlens.platform.CurrentUser;

/**
 * Checks API keys. Lookups are cached for a few seconds so that a busy ingest client does
 * not cost a query per request; revoking a key clears it from the cache at once.
 */
@Component
class ApiKeyAuthenticationProvider implements AuthenticationProvider {

	private final ApiKeyRepository keys;

	private final Cache<String, Optional<CurrentUser>> callers = Caffeine.newBuilder()
		.maximumSize(10_000)
		.expireAfterWrite(Duration.ofSeconds(30))
		.build();

	ApiKeyAuthenticationProvider(ApiKeyRepository keys) {
		this.keys = keys;
	}

	@Override
	public @Nullable Authentication authenticate(Authentication authentication) {
		ApiCredential credential = (ApiCredential) authentication;
		if (credential.looksLikeJwt()) {
			return null;
		}
		String hash = ApiKeyMaterial.hash(credential.value());
		CurrentUser caller = this.callers.get(hash, this.keys::findCaller)
			.orElseThrow(() -> new BadCredentialsException("Unknown or revoked API key"));
		return ApiCredential.authenticated(caller);
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return ApiCredential.class.isAssignableFrom(authentication);
	}

	void forget(String keyHash) {
		this.callers.invalidate(keyHash);
	}

}
