package io.costlens.accounts;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.costlens.platform.CurrentUser;
import io.costlens.platform.Role;

/**
 * A stored user.
 *
 * @param id the user id
 * @param username the unique name
 * @param email the address mail goes to, if any
 * @param passwordHash the password hash
 * @param role what the user may do
 * @param tier the rate-limit tier
 * @param active whether the user may sign in
 * @param createdAt when the user was created
 * @param locale the language of the user's mail: {@code en} or {@code it}
 * @param credentialsChangedAt when the password was last changed or reset, a refresh
 * token reused or the user deactivated (a whole second): access tokens issued before are
 * refused; {@code null} when none of that happened
 */
record UserAccount(UUID id, String username, @Nullable String email, String passwordHash, Role role, String tier,
		boolean active, Instant createdAt, String locale, @Nullable Instant credentialsChangedAt) {

	/** Whether an access token issued at this second predates a change of credentials. */
	boolean refuses(Instant issuedAt) {
		return this.credentialsChangedAt != null && issuedAt.isBefore(this.credentialsChangedAt);
	}

	/** The user's language. */
	Locale language() {
		return Locale.forLanguageTag(this.locale);
	}

	User toUser() {
		return new User(this.id, this.username, this.email, this.role, this.tier, this.active, this.createdAt,
				language(), this.credentialsChangedAt);
	}

	/** The user as the caller of a request made with a token (no API key). */
	CurrentUser asCaller() {
		return new CurrentUser(this.id, this.username, this.role, this.tier, null);
	}

}
