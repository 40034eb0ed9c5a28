package io.costlens.accounts;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How users sign in.
 *
 * @param jwtSecret the HS256 key that signs access tokens: base64 of at least 32 bytes,
 * or at least 32 characters of text. Every instance must share it. When absent, one is
 * generated once and kept in {@code jwt-secret} in the data folder; the {@code prod}
 * profile refuses to start without it
 * @param issuer the {@code iss} claim of access tokens
 * @param accessTokenTtl how long an access token is valid
 * @param refreshTokenTtl how long a refresh token is valid (each use rotates it)
 * @param passwordResetTtl how long a password-reset token is valid
 * @param openRegistration whether anyone may register; otherwise only admins create users
 * @param maxLoginFailuresPerUser failed logins per username within the window before
 * further attempts are refused
 * @param maxLoginFailuresPerIp failed logins per client IP within the window before
 * further attempts are refused
 * @param loginFailureWindow the sliding window the failures are counted in
 * @param tokenCleanupInterval how often expired refresh and password-reset tokens are
 * deleted
 */
@ConfigurationProperties("costlens.security")
record AuthProperties(@Nullable String jwtSecret, @DefaultValue("costlens") String issuer,
		@DefaultValue("30m") Duration accessTokenTtl, @DefaultValue("30d") Duration refreshTokenTtl,
		@DefaultValue("1h") Duration passwordResetTtl, @DefaultValue("false") boolean openRegistration,
		@DefaultValue("5") int maxLoginFailuresPerUser, @DefaultValue("20") int maxLoginFailuresPerIp,
		@DefaultValue("15m") Duration loginFailureWindow, @DefaultValue("1h") Duration tokenCleanupInterval) {
}
