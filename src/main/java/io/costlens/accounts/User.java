package io.costlens.accounts;

import java.time.Instant;
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
 */
public record User(UUID id, String username, @Nullable String email, Role role, String tier, boolean active,
		Instant createdAt) {
}
