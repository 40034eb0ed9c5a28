package io.costlens.scenarios;

import java.util.Locale;

/** Where a scenario is in its life: draft → running → completed → archived. */
public enum ScenarioStatus {

	DRAFT, RUNNING, COMPLETED, ARCHIVED;

	/** The lower-case name used in JSON and in the database. */
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static ScenarioStatus of(String value) {
		return valueOf(value.toUpperCase(Locale.ROOT));
	}

}
