package io.costlens.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * The text is one line of plain text: no control character (C0 such as NUL, ESC, CR and
 * LF; DEL; C1) and no bidirectional control (U+202A–U+202E, U+2066–U+2069, U+200E,
 * U+200F, U+061C), which could hide or reorder what a reader of a page, a report or a log
 * sees. {@code null} is valid. On a collection, each element is checked
 * ({@code List<@PlainText String>}).
 */
@Documented
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = PlainText.Validator.class)
public @interface PlainText {

	/** What a refused value is told. */
	String MESSAGE = "must not contain control characters (NUL, ESC, line breaks) or bidirectional controls";

	String message() default MESSAGE;

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** Checks the value with {@link Text#isPlain}. */
	class Validator implements ConstraintValidator<PlainText, CharSequence> {

		@Override
		public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
			return value == null || Text.isPlain(value);
		}

	}

}
