package io.costlens.providers;

import java.util.Locale;

/** The kinds of OpenRouter key, learnt when a key is validated. */
enum KeyType {

	/** Reads {@code /activity}: usage per day, model and provider endpoint. */
	MANAGEMENT,

	/** Reads only its own totals from {@code /key}. */
	ORDINARY;

	String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	static KeyType of(String value) {
		return valueOf(value.toUpperCase(Locale.ROOT));
	}

}
