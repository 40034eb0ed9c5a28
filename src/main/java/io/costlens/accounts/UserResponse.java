package io.costlens.accounts;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A user as the API shows it: never the password hash. */
record UserResponse(UUID id, String username, @Nullable String email, String role, String tier, boolean isActive,
		Instant createdAt, String locale) {

	static UserResponse of(User user) {
		return new UserResponse(user.id(), user.username(), user.email(), user.role().value(), user.tier(),
				user.active(), user.createdAt(), user.locale().getLanguage());
	}

}
