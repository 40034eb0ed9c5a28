package io.costlens.platform;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Says in a plain sentence what is wrong with a JSON body the reader refused, naming the
 * field as the client wrote it, and never Jackson's own words (class names, feature
 * names), which mean nothing to a client.
 */
public final class JsonProblems {

	private static final Pattern DUPLICATE = Pattern.compile("Duplicate Object property \"(.*?)\"");

	private JsonProblems() {
	}

	/**
	 * The bad field of a body the JSON reader refused.
	 * @param ex what the reader threw
	 * @param where what the path is relative to, e.g. {@code line 3}; empty for the body
	 * @return the problem, as a 422 carrying one field
	 */
	public static InvalidFields invalid(JacksonException ex, String where) {
		InvalidFields.Field field = describe(ex);
		if (!where.isEmpty()) {
			field = new InvalidFields.Field(field.field().equals("body") ? where : where + " " + field.field(),
					field.message());
		}
		return new InvalidFields(List.of(field));
	}

	/** The bad field of a body the JSON reader refused. */
	public static InvalidFields.Field describe(JacksonException ex) {
		String field = pathOf(ex.getPath());
		Matcher duplicate = DUPLICATE.matcher(String.valueOf(ex.getOriginalMessage()));
		if (duplicate.find()) {
			String name = Text.sanitized(duplicate.group(1), 60);
			return new InvalidFields.Field(field.equals("body") ? name : field + "." + name,
					"appears more than once; give each field once");
		}
		if (ex instanceof UnrecognizedPropertyException unknown) {
			return new InvalidFields.Field(field,
					"is not a field of this request" + known(unknown.getKnownPropertyIds()));
		}
		if (ex instanceof InvalidFormatException invalid) {
			return new InvalidFields.Field(field, "must be " + typeName(invalid.getTargetType()) + " (got "
					+ Text.sanitized(String.valueOf(invalid.getValue()), 60) + ")");
		}
		if (ex instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
			return new InvalidFields.Field(field, "must be " + typeName(mismatch.getTargetType()));
		}
		if (ex instanceof StreamConstraintsException) {
			return new InvalidFields.Field(field, "is nested too deeply or holds a value too long to read");
		}
		return new InvalidFields.Field(field, "is not valid JSON" + at(ex.getLocation()));
	}

	/** {@code duration_ms}, {@code items[2].name}, or {@code body} for the whole body. */
	private static String pathOf(List<JacksonException.Reference> path) {
		StringBuilder out = new StringBuilder();
		for (JacksonException.Reference ref : path) {
			if (ref.getPropertyName() != null) {
				out.append(out.isEmpty() ? "" : ".").append(Text.sanitized(ref.getPropertyName(), 60));
			}
			else if (ref.getIndex() >= 0) {
				out.append('[').append(ref.getIndex()).append(']');
			}
		}
		return out.isEmpty() ? "body" : out.toString();
	}

	/** What a value of a Java type looks like to a client. */
	public static String typeName(Class<?> type) {
		if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
			return (type == Integer.class || type == int.class || type == Long.class || type == long.class
					|| type == Short.class || type == short.class) ? "a whole number" : "a number";
		}
		if (type == Boolean.class || type == boolean.class) {
			return "true or false";
		}
		if (type == String.class || CharSequence.class.isAssignableFrom(type)) {
			return "a string";
		}
		if (type == Instant.class) {
			return "a time: " + Times.FORMS;
		}
		if (type == UUID.class) {
			return "a UUID";
		}
		if (Collection.class.isAssignableFrom(type) || type.isArray()) {
			return "an array";
		}
		if (type.isEnum()) {
			return "one of "
					+ Arrays.stream(type.getEnumConstants()).map(String::valueOf).collect(Collectors.joining(", "));
		}
		return "a JSON object";
	}

	private static String known(@Nullable Collection<Object> names) {
		if (names == null || names.isEmpty()) {
			return "";
		}
		return " (known fields: " + names.stream().map(String::valueOf).sorted().collect(Collectors.joining(", "))
				+ ")";
	}

	private static String at(@Nullable TokenStreamLocation location) {
		if (location == null || location.getLineNr() < 1) {
			return "";
		}
		return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
	}

}
