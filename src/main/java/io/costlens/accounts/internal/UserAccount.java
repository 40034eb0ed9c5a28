package io.costlens.accounts.internal;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.costlens.platform.CurrentUser;
import io.costlens.platform.Role;

/** A stored user. */
public record UserAccount(UUID id, String username, @Nullable String email, String passwordHash, Role role, String tier,
		boolean active, Instant createdAt) {

	/** The user as the caller of a request made with a token (no API key). */
	CurrentUser asCaller() {
		return new CurrentUser(this.id, this.username, this.role, this.tier, null);
	}

}
