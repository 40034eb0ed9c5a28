package io.costlens.accounts;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the accounts module: the first-start admin and how users sign in.
 *
 * @param admin the first-start admin account
 * @param jwtSecret the HS256 key that signs access tokens: base64 of at least 32 bytes,
 * or at least 32 characters of text. Every instance must share it. When absent, one is
 * generated once and kept in {@code jwt-secret} in the data folder; the {@code prod}
 * profile refuses to start without it. {@code costlens.security.jwt-secret} (the name the
 * specification uses) is accepted too
 * @param issuer the {@code iss} claim of access tokens
 * @param accessTokenTtl how long an access token is valid
 * @param refreshTokenTtl how long a refresh token is valid (each use rotates it)
 * @param passwordResetTtl how long a password-reset token is valid
 * @param openRegistration whether anyone may register; otherwise only admins create users
 * @param loginThrottle how failed sign-ins slow further attempts
 * @param maxApiKeysPerUser the most active API keys one user may have
 * @param tokenCleanupInterval how often expired refresh and password-reset tokens are
 * deleted
 * @param apiKeyCacheTtl how long an instance reuses an API key lookup: a key revoked, or
 * whose user was changed or deactivated, on another instance stops working here within
 * this time (at once on the instance that made the change)
 */
@ConfigurationProperties("costlens.accounts")
record AccountsProperties(@DefaultValue Admin admin, @Nullable String jwtSecret,
		@DefaultValue("costlens") String issuer, @DefaultValue("30m") Duration accessTokenTtl,
		@DefaultValue("30d") Duration refreshTokenTtl, @DefaultValue("1h") Duration passwordResetTtl,
		@DefaultValue("false") boolean openRegistration, @DefaultValue Throttle loginThrottle,
		@DefaultValue("20") int maxApiKeysPerUser, @DefaultValue("1h") Duration tokenCleanupInterval,
		@DefaultValue("30s") Duration apiKeyCacheTtl) {

	/**
	 * The first-start admin account. Both are random unless given, which automation does
	 * through {@code COSTLENS_ADMIN_PASSWORD} and {@code COSTLENS_ADMIN_API_KEY}.
	 *
	 * @param password the admin's password (at least 12 characters)
	 * @param apiKey the admin's API key (at least 24 characters)
	 */
	record Admin(@Nullable String password, @Nullable String apiKey) {
	}

	/**
	 * The growing delay between failed password checks (sign-in and password change),
	 * counted per username and per client IP. After the free failures, each failure
	 * doubles the wait before the next attempt is checked, from {@code firstDelay} up to
	 * the cap; attempts during the wait get 429 with {@code Retry-After}.
	 *
	 * @param freeFailuresPerUser failures of a username in a row before waits start
	 * @param freeFailuresPerIp failures from a client IP in a row before waits start
	 * @param firstDelay the first wait
	 * @param maxDelayPerUser the longest wait of a username: the longest its owner can be
	 * kept waiting
	 * @param maxDelayPerIp the longest wait of a client IP
	 * @param forgetAfter failures are forgotten after this long without one
	 */
	record Throttle(@DefaultValue("3") int freeFailuresPerUser, @DefaultValue("10") int freeFailuresPerIp,
			@DefaultValue("1s") Duration firstDelay, @DefaultValue("1m") Duration maxDelayPerUser,
			@DefaultValue("5m") Duration maxDelayPerIp, @DefaultValue("15m") Duration forgetAfter) {
	}

}
