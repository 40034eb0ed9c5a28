package io.costlens.scenarios;

import java.time.Instant;
import java.util.UUID;

/**
 * A scenario was stopped.
 *
 * @param scenarioId the scenario
 * @param name its name
 * @param at when
 */
record ScenarioStopped(UUID scenarioId, String name, Instant at) {

}
