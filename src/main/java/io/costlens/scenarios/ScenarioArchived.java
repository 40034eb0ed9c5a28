package io.costlens.scenarios;

import java.time.Instant;
import java.util.UUID;

/**
 * A scenario was archived.
 *
 * @param scenarioId the scenario
 * @param name its name
 * @param at when
 */
record ScenarioArchived(UUID scenarioId, String name, Instant at) {

}
