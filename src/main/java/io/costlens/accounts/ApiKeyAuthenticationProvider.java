package io.costlens.accounts;

import java.util.Optional;
import java.util.UUID;

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
 * Checks API keys. Lookups are cached for {@code costlens.accounts.api-key-cache-ttl} (30
 * seconds) so that a busy ingest client does not cost a query per request; revoking a
 * key, or changing or deactivating its user, clears it from this instance's cache at once
 * (other instances notice within that time). A lookup also records the key's
 * {@code last_used_at}, so that is exact to the cache time.
 */
@Component
class ApiKeyAuthenticationProvider implements AuthenticationProvider {

	private final ApiKeyRepository keys;

	private final Cache<String, Optional<CurrentUser>> callers;

	ApiKeyAuthenticationProvider(ApiKeyRepository keys, AccountsProperties properties) {
		this.keys = keys;
		this.callers = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(properties.apiKeyCacheTtl()).build();
	}

	@Override
	public @Nullable Authentication authenticate(Authentication authentication) {
		ApiCredential credential = (ApiCredential) authentication;
		if (credential.looksLikeJwt()) {
			return null;
		}
		String hash = ApiKeyMaterial.hash(credential.value());
		CurrentUser caller = this.callers.get(hash, this::load)
			.orElseThrow(() -> new BadCredentialsException("Unknown or revoked API key"));
		return ApiCredential.authenticated(caller);
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return ApiCredential.class.isAssignableFrom(authentication);
	}

	private Optional<CurrentUser> load(String hash) {
		Optional<CurrentUser> caller = this.keys.findCaller(hash);
		caller.map(CurrentUser::apiKeyId).ifPresent(this.keys::touch);
		return caller;
	}

	/** Makes a revoked key stop working at once on this instance. */
	void forget(String keyHash) {
		this.callers.invalidate(keyHash);
	}

	/**
	 * Makes a change to a user (role, tier, deactivation) apply at once to their keys on
	 * this instance.
	 */
	void forgetUser(UUID userId) {
		this.callers.asMap()
			.entrySet()
			.removeIf((e) -> e.getValue().map((c) -> c.userId().equals(userId)).orElse(false));
	}

}
