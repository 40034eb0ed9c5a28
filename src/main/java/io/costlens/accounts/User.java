package io.costlens.accounts;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.costlens.platform.Role;

/**
 * A user as other modules see it: never the password hash.
 *
 * @param id the user id
 * @param username unique name
 * @param email address, when known
 * @param role what they may do
 * @param tier their rate-limit tier
 * @param active whether they may sign in
 * @param createdAt when the account was created
 * @param locale the language of their mail (English or Italian)
 * @param credentialsChangedAt when their password was last changed or reset or they were
 * deactivated (what began before no longer works), {@code null} if never
 */
public record User(UUID id, String username, @Nullable String email, Role role, String tier, boolean active,
		Instant createdAt, Locale locale, @Nullable Instant credentialsChangedAt) {
}
