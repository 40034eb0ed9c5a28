package io.costlens.scenarios;

import java.util.UUID;

import io.costlens.platform.Conflict;

/** A running scenario cannot be deleted: it must be stopped first. */
class ScenarioStillRunning extends Conflict {

	ScenarioStillRunning(UUID id) {
		super("Scenario " + id + " is running: stop it before deleting it");
	}

}
