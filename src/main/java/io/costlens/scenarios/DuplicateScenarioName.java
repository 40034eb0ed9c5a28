package io.costlens.scenarios;

import io.costlens.platform.Conflict;

/** Another scenario already has this name. */
public class DuplicateScenarioName extends Conflict {

	public DuplicateScenarioName(String name) {
		super("A scenario named '" + name + "' already exists");
	}

}
