package io.costlens.scenarios;

import org.jspecify.annotations.Nullable;

/**
 * Which scenarios a list shows.
 *
 * @param status only this status
 * @param region only this region
 * @param text only scenarios whose name, description or one of whose tags contains this
 * text (case-insensitive)
 */
public record ScenarioFilter(@Nullable ScenarioStatus status, @Nullable String region, @Nullable String text) {

}
