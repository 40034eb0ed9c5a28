package io.costlens.accounts;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** How to reach a user: what other modules need to mail one. */
public interface UserContacts {

	/** The user's name, address and language; empty for an unknown user. */
	Optional<Contact> of(UUID userId);

	/**
	 * A user's contact details.
	 *
	 * @param username the user's name
	 * @param email the address mail goes to, if the user has one
	 * @param locale the language of the user's mail
	 * @param active whether the user may still sign in
	 */
	record Contact(String username, @Nullable String email, Locale locale, boolean active) {

	}

}
