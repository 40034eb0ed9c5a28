package io.costlens.dashboard;

import java.util.List;

import org.jspecify.annotations.Nullable;

import io.costlens.platform.InvalidFields;
import io.costlens.platform.InvalidFields.Field;
import io.costlens.platform.Role;

/**
 * Form and query values as the pages read them; a value out of its set is refused, naming
 * the field.
 */
final class Params {

	static final List<String> USER_TIERS = List.of("free", "premium", "enterprise");

	static final List<String> KEY_TIERS = List.of("free", "premium", "enterprise", "unlimited");

	private Params() {
	}

	/** The value stripped, or {@code null} when the field was left empty. */
	static @Nullable String optional(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	static Role role(String value) {
		for (Role role : Role.values()) {
			if (role.value().equals(value)) {
				return role;
			}
		}
		throw new InvalidFields(List.of(new Field("role", "must be admin, member or viewer")));
	}

	static @Nullable String tier(@Nullable String value, List<String> allowed) {
		String tier = optional(value);
		if (tier != null && !allowed.contains(tier)) {
			throw new InvalidFields(List.of(new Field("tier", "must be one of " + allowed)));
		}
		return tier;
	}

}
