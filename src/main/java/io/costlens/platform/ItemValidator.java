package io.costlens.platform;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.springframework.stereotype.Component;

import io.costlens.platform.web.Names;

/**
 * Bean validation for the items of a JSON array body, naming each bad field by its index
 * as the client wrote it ({@code [3].duration_ms}), so batch endpoints can check
 * everything before they store anything.
 */
@Component
public class ItemValidator {

	private final Validator validator;

	ItemValidator(Validator validator) {
		this.validator = validator;
	}

	/**
	 * Checks every item.
	 * @param items the items of the body
	 * @throws InvalidFields listing every bad field of every item when any is bad
	 */
	public void validateAll(List<?> items) {
		List<InvalidFields.Field> errors = problems(items);
		if (!errors.isEmpty()) {
			throw new InvalidFields(errors);
		}
	}

	/**
	 * The bad fields of every item, for endpoints that accept the good items.
	 * @param items the items of the body
	 * @return the bad fields, by item index then field name
	 */
	public List<InvalidFields.Field> problems(List<?> items) {
		List<InvalidFields.Field> errors = new ArrayList<>();
		for (int i = 0; i < items.size(); i++) {
			Object item = items.get(i);
			if (item == null) {
				errors.add(new InvalidFields.Field("[" + i + "]", "must be an object"));
				continue;
			}
			String prefix = "[" + i + "].";
			this.validator.validate(item)
				.stream()
				.sorted(Comparator.comparing((ConstraintViolation<?> v) -> v.getPropertyPath().toString()))
				.map((v) -> new InvalidFields.Field(prefix + Names.snake(v.getPropertyPath().toString()),
						v.getMessage()))
				.forEach(errors::add);
		}
		return errors;
	}

}
