package io.costlens.inspection;

/**
 * One piece of personal data in a text: its type and where it is.
 *
 * @param type what was found
 * @param start the index of its first character
 * @param end the index after its last character
 */
record PiiFinding(PiiType type, int start, int end) {

	/** The number of characters found. */
	int length() {
		return this.end - this.start;
	}

}
