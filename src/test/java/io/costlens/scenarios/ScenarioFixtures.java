package io.costlens.scenarios;

import java.util.UUID;

import io.costlens.TestApi;

/** Creates scenarios over HTTP for tests, with names no other test uses. */
final class ScenarioFixtures {

	private ScenarioFixtures() {
	}

	static String uniqueName(String prefix) {
		return prefix + "-" + UUID.randomUUID();
	}

	static String create(TestApi api, String json) {
		TestApi.Response created = api.post("/api/v1/scenarios", json).send();
		if (created.status() != 201) {
			throw new IllegalStateException("create failed: " + created.body());
		}
		return created.json().get("id").asString();
	}

	static String createRunning(TestApi api, String region) {
		String id = create(api, "{\"name\":\"" + uniqueName("run") + "\",\"region\":\"" + region + "\"}");
		api.post("/api/v1/scenarios/" + id + "/start", "").send();
		return id;
	}

	static TestApi.Response ingest(TestApi api, String scenarioId, String message) {
		return api.post("/ingest", "{\"message\":" + json(message) + ",\"source\":\"test\"}")
			.header("X-Scenario-ID", scenarioId)
			.send();
	}

	static String json(String text) {
		return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
	}

}
