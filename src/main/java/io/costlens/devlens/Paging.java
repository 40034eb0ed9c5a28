package io.costlens.devlens;

import io.costlens.platform.InvalidFields;

import java.util.List;

/** Checks the {@code page} and {@code page_size} parameters, naming the bad one. */
final class Paging {

	static final int MAX_PAGE_SIZE = 100;

	private Paging() {
	}

	static int page(String value) {
		return bounded("page", value, 1, Integer.MAX_VALUE);
	}

	static int pageSize(String value) {
		return bounded("page_size", value, 1, MAX_PAGE_SIZE);
	}

	static int bounded(String name, String value, int min, int max) {
		int number;
		try {
			number = Integer.parseInt(value.strip());
		}
		catch (NumberFormatException ex) {
			throw invalid(name, "must be a whole number from " + min + " to " + max + ", not '" + value + "'");
		}
		if (number < min || number > max) {
			throw invalid(name, "must be from " + min + " to " + max + ", not " + number);
		}
		return number;
	}

	static InvalidFields invalid(String name, String message) {
		return new InvalidFields(List.of(new InvalidFields.Field(name, message)));
	}

}
