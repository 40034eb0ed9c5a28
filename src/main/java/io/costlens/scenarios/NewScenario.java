package io.costlens.scenarios;

import java.util.List;

import org.jspecify.annotations.Nullable;

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

}
