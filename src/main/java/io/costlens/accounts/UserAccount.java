package io.costlens.accounts;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.costlens.platform.CurrentUser;
import io.costlens.platform.Role;

/** A stored user. */
record UserAccount(UUID id, String username, @Nullable String email, String passwordHash, Role role, String tier,
		boolean active, Instant createdAt) {

	User toUser() {
		return new User(this.id, this.username, this.email, this.role, this.tier, this.active, this.createdAt);
	}

	/** The user as the caller of a request made with a token (no API key). */
	CurrentUser asCaller() {
		return new CurrentUser(this.id, this.username, this.role, this.tier, null);
	}

}
