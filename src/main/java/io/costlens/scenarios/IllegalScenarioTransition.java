package io.costlens.scenarios;

import java.util.UUID;

import io.costlens.platform.Conflict;

/** The lifecycle does not allow moving a scenario from its state to the one asked for. */
class IllegalScenarioTransition extends Conflict {

	IllegalScenarioTransition(UUID id, ScenarioStatus from, ScenarioStatus to) {
		super("Scenario " + id + " cannot go from " + from.value() + " to " + to.value());
	}

}
