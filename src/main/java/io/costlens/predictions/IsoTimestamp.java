package io.costlens.predictions;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** The string is an ISO-8601 time, with or without an offset (none means UTC). */
@Documented
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = IsoTimestamp.Validator.class)
@interface IsoTimestamp {

	String message() default "must be an ISO-8601 time such as 2025-06-09T12:00:00Z";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** Checks the value with {@link Timestamps#parse}; {@code null} is valid. */
	class Validator implements ConstraintValidator<IsoTimestamp, String> {

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			return value == null || Timestamps.isValid(value);
		}

	}

}
