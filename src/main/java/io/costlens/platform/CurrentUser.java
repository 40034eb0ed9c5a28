package io.costlens.platform;

import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The authenticated caller of a request, as controllers receive it with
 * {@code @AuthenticationPrincipal}.
 *
 * @param userId the user's id
 * @param username the user's name
 * @param role what the user may do
 * @param tier the rate-limit tier that applies to this request
 * @param apiKeyId the API key used, or {@code null} when a token was used
 */
public record CurrentUser(UUID userId, String username, Role role, String tier, @Nullable UUID apiKeyId) {

	/** The caller of the request this thread serves, if one authenticated. */
	public static Optional<CurrentUser> current() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return (authentication != null && authentication.getPrincipal() instanceof CurrentUser user) ? Optional.of(user)
				: Optional.empty();
	}

	public boolean isAdmin() {
		return this.role == Role.ADMIN;
	}

}
