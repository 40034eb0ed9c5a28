package io.costlens.accounts.internal;

import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import io.costlens.accounts.UserContacts;

/** Contact details from the users table. */
@Component
class StoredUserContacts implements UserContacts {

	private final UserRepository users;

	StoredUserContacts(UserRepository users) {
		this.users = users;
	}

	@Override
	public Optional<Contact> of(UUID userId) {
		return this.users.findById(userId)
			.map((user) -> new Contact(user.username(), user.email(), user.language(), user.active()));
	}

}
