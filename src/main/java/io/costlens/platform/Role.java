package io.costlens.platform;

import java.util.Locale;

/**
 * What a caller may do: admins everything, members read and write their own resources,
 * viewers only read.
 */
public enum Role {

	ADMIN, MEMBER, VIEWER;

	/** The authority Spring Security checks, e.g. {@code ROLE_ADMIN}. */
	public String authority() {
		return "ROLE_" + name();
	}

	/** The lower-case name used in JSON and in the database. */
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Role of(String value) {
		return valueOf(value.toUpperCase(Locale.ROOT));
	}

}
