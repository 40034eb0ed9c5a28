package io.costlens.platform;

import java.util.List;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;

/**
 * A request body has fields that are wrong, found by a check the module made itself (for
 * example on each item of a batch): answered with 422 and every bad field listed, like a
 * failed bean validation.
 */
public class InvalidFields extends ProblemException {

	private final List<Field> errors;

	public InvalidFields(List<Field> errors) {
		super(HttpStatus.UNPROCESSABLE_CONTENT, "validation_error", summary(errors));
		this.errors = List.copyOf(errors);
	}

	/** The bad fields, in the order they were found. */
	public List<Field> errors() {
		return this.errors;
	}

	private static String summary(List<Field> errors) {
		return errors.stream().map((e) -> e.field() + ": " + e.message()).collect(Collectors.joining("; "));
	}

	/**
	 * One bad field.
	 *
	 * @param field the field's path as the client wrote it, e.g. {@code [3].duration_ms}
	 * @param message what is wrong with it
	 */
	public record Field(String field, String message) {
	}

}
