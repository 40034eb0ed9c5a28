package io.costlens.scenarios;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.costlens.platform.InvalidFields;
import io.costlens.platform.PlainText;
import io.costlens.platform.Text;

/**
 * What a new scenario starts with.
 *
 * @param name unique name
 * @param description free text
 * @param region a region of the price catalog
 * @param tags labels
 * @param costModel how its logs turn into AWS usage
 */
public record NewScenario(String name, @Nullable String description, String region, List<String> tags,
		CostModel costModel) {

	/** Refuses control and bidirectional characters however the scenario is created. */
	public NewScenario {
		List<InvalidFields.Field> errors = new ArrayList<>();
		plain("name", name, errors);
		plain("description", description, errors);
		tags.forEach((tag) -> plain("tags", tag, errors));
		if (!errors.isEmpty()) {
			throw new InvalidFields(errors);
		}
	}

	private static void plain(String field, @Nullable String value, List<InvalidFields.Field> errors) {
		if (value != null && !Text.isPlain(value)) {
			errors.add(new InvalidFields.Field(field, PlainText.MESSAGE));
		}
	}

}
