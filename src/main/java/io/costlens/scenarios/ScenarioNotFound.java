package io.costlens.scenarios;

import java.util.UUID;

import io.costlens.platform.NotFound;

/** No scenario has the id the request names. */
class ScenarioNotFound extends NotFound {

	ScenarioNotFound(UUID id) {
		super("Scenario " + id + " not found");
	}

}
