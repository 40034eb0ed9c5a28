package io.costlens.accounts;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A user as the API shows it: never the password hash. */
record UserView(UUID id, String username, @Nullable String email, String role, String tier, boolean isActive,
		Instant createdAt) {

	static UserView of(User user) {
		return new UserView(user.id(), user.username(), user.email(), user.role().value(), user.tier(), user.active(),
				user.createdAt());
	}

}
