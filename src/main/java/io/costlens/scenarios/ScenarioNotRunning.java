package io.costlens.scenarios;

import java.util.UUID;

import io.costlens.platform.InvalidRequest;

/** Logs go only into a running scenario. */
class ScenarioNotRunning extends InvalidRequest {

	ScenarioNotRunning(UUID id, ScenarioStatus status) {
		super("scenario_not_running", "Scenario " + id + " is " + status.value() + ", not running");
	}

}
