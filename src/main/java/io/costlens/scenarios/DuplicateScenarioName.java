package io.costlens.scenarios;

import io.costlens.platform.Conflict;

/** Another scenario already has this name. */
class DuplicateScenarioName extends Conflict {

	DuplicateScenarioName(String name) {
		super("A scenario named '" + name + "' already exists");
	}

}
