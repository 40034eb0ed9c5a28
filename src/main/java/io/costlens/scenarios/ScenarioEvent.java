package io.costlens.scenarios;

import java.time.Instant;
import java.util.UUID;

/**
 * Something happened to a scenario: it was created, changed or deleted, or moved a step
 * through its lifecycle. Published in the transaction of the change.
 */
sealed interface ScenarioEvent {

	/** The scenario. */
	UUID scenarioId();

	/** Its name at the time. */
	String name();

	/** When it happened. */
	Instant at();

	record Created(UUID scenarioId, String name, Instant at) implements ScenarioEvent {
	}

	record Updated(UUID scenarioId, String name, Instant at) implements ScenarioEvent {
	}

	record Deleted(UUID scenarioId, String name, Instant at) implements ScenarioEvent {
	}

	record Started(UUID scenarioId, String name, Instant at) implements ScenarioEvent {
	}

	record Stopped(UUID scenarioId, String name, Instant at) implements ScenarioEvent {
	}

	record Archived(UUID scenarioId, String name, Instant at) implements ScenarioEvent {
	}

}
