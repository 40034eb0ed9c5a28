package io.costlens.predictions;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import io.costlens.platform.Times;

/**
 * How a prediction's {@code timestamp} is read: in the forms every time of the API
 * accepts ({@link Times}), with or without an offset (none meaning UTC, as the original
 * service's clients send).
 */
final class Timestamps {

	private Timestamps() {
	}

	/**
	 * Reads a time.
	 * @throws DateTimeParseException when it is in none of the accepted forms
	 */
	static Instant parse(String text) {
		return Times.parse(text);
	}

	static boolean isValid(String text) {
		return Times.isValid(text);
	}

}
