package io.costlens.scenarios;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import io.costlens.IntegrationTest;
import io.costlens.TestApi;
import io.costlens.TestApi.Response;

import static io.costlens.scenarios.ScenarioFixtures.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class ScenarioV2IntegrationTests {

	@Autowired
	TestApi api;

	@Test
	void createsManyScenariosAtOnce() {
		String a = uniqueName("bulk-a");
		String b = uniqueName("bulk-b");

		Response created = this.api
			.post("/api/v2/scenarios/bulk",
					"[{\"name\":\"" + a + "\",\"tags\":[\"x\"]},{\"name\":\"" + b + "\",\"region\":\"eu-west-1\"}]")
			.send();

		assertThat(created.status()).isEqualTo(201);
		assertThat(created.json().get("count").asInt()).isEqualTo(2);
		assertThat(created.json().get("items").get(1).get("region").asString()).isEqualTo("eu-west-1");
		assertThat(this.api.get("/api/v2/scenarios?q=" + a).send().json().get("total").asInt()).isEqualTo(1);
	}

	@Test
	void storesNothingWhenOneItemOfABulkCreateIsBad() {
		String good = uniqueName("bulk-good");

		Response bad = this.api
			.post("/api/v2/scenarios/bulk", "[{\"name\":\"" + good + "\"},{\"name\":\"x\",\"lambda_batch_size\":0}]")
			.send();
		Response unknownRegion = this.api
			.post("/api/v2/scenarios/bulk",
					"[{\"name\":\"" + good + "\"},{\"name\":\"" + uniqueName("r") + "\",\"region\":\"mars-1\"}]")
			.send();
		Response twice = this.api
			.post("/api/v2/scenarios/bulk", "[{\"name\":\"" + good + "\"},{\"name\":\"" + good + "\"}]")
			.send();
		Response nameless = this.api.post("/api/v2/scenarios/bulk", "[{\"name\":\"" + good + "\"},{}]").send();

		assertThat(bad.status()).isEqualTo(422);
		assertThat(bad.body()).contains("[1].lambda_batch_size");
		assertThat(unknownRegion.status()).isEqualTo(400);
		assertThat(twice.status()).isEqualTo(409);
		assertThat(nameless.status()).isEqualTo(422);
		assertThat(nameless.body()).contains("[1].name");
		assertThat(this.api.get("/api/v2/scenarios?q=" + good).send().json().get("total").asInt()).isZero();
	}

	@Test
	void refusesEmptyAndOversizedBulkRequests() {
		List<String> items = new ArrayList<>();
		for (int i = 0; i <= Scenarios.BULK_LIMIT; i++) {
			items.add("{\"name\":\"" + uniqueName("over") + "\"}");
		}

		Response tooMany = this.api.post("/api/v2/scenarios/bulk", "[" + String.join(",", items) + "]").send();
		Response none = this.api.post("/api/v2/scenarios/bulk", "[]").send();
		Response tooManyIds = this.api.post("/api/v2/scenarios/bulk-delete", "{\"ids\":" + ids(101) + "}").send();

		assertThat(tooMany.status()).isEqualTo(400);
		assertThat(tooMany.json().get("message").asString()).contains("1 to 100").contains("101");
		assertThat(none.status()).isEqualTo(400);
		assertThat(tooManyIds.status()).isEqualTo(400);
		assertThat(this.api.get("/api/v2/scenarios?q=over-").send().json().get("total").asInt()).isZero();
	}

	@Test
	void deletesManyScenariosOrNone() {
		String first = ScenarioFixtures.create(this.api, "{\"name\":\"" + uniqueName("del") + "\"}");
		String second = ScenarioFixtures.create(this.api, "{\"name\":\"" + uniqueName("del") + "\"}");
		String running = ScenarioFixtures.createRunning(this.api, "us-east-1");

		Response withRunning = this.api
			.post("/api/v2/scenarios/bulk-delete", "{\"ids\":[\"" + first + "\",\"" + running + "\"]}")
			.send();
		Response withUnknown = this.api
			.post("/api/v2/scenarios/bulk-delete", "{\"ids\":[\"" + first + "\",\"" + UUID.randomUUID() + "\"]}")
			.send();
		assertThat(withRunning.status()).isEqualTo(409);
		assertThat(withUnknown.status()).isEqualTo(404);
		assertThat(this.api.get("/api/v2/scenarios/" + first).send().status()).isEqualTo(200);

		Response deleted = this.api
			.post("/api/v2/scenarios/bulk-delete", "{\"ids\":[\"" + first + "\",\"" + second + "\"]}")
			.send();

		assertThat(deleted.status()).isEqualTo(200);
		assertThat(deleted.json().get("deleted").asInt()).isEqualTo(2);
		assertThat(this.api.get("/api/v2/scenarios/" + first).send().status()).isEqualTo(404);
		assertThat(this.api.get("/api/v2/scenarios/" + second).send().status()).isEqualTo(404);
		assertThat(this.api.post("/api/v2/scenarios/bulk-delete", "{}").send().status()).isEqualTo(422);
	}

	@Test
	void searchesNamesDescriptionsAndTags() {
		String word = "zq" + UUID.randomUUID().toString().substring(0, 8);
		ScenarioFixtures.create(this.api, "{\"name\":\"" + uniqueName(word) + "\"}");
		ScenarioFixtures.create(this.api,
				"{\"name\":\"" + uniqueName("d") + "\",\"description\":\"About " + word.toUpperCase() + " load\"}");
		ScenarioFixtures.create(this.api, "{\"name\":\"" + uniqueName("t") + "\",\"tags\":[\"team-" + word + "\"]}");
		ScenarioFixtures.create(this.api, "{\"name\":\"" + uniqueName("other") + "\"}");

		JsonNode found = this.api.get("/api/v2/scenarios?q=" + word).send().json();

		assertThat(found.get("total").asInt()).isEqualTo(3);
	}

	@Test
	void summarisesAScenarioWithoutItsTimeSeries() {
		String id = ScenarioFixtures.createRunning(this.api, "us-east-1");
		ScenarioFixtures.ingest(this.api, id, "hello summary, mail me at ann@example.com");

		Response summary = this.api.get("/api/v2/scenarios/" + id + "/summary").send();

		assertThat(summary.status()).isEqualTo(200);
		assertThat(summary.json().get("status").asString()).isEqualTo("running");
		assertThat(summary.json().get("summary").get("total_requests").asInt()).isEqualTo(1);
		assertThat(summary.json().get("summary").get("pii_violations").asInt()).isEqualTo(1);
		assertThat(summary.json().get("summary").get("total_cost_usd").asString()).isNotBlank();
		assertThat(summary.json().has("timeseries")).isFalse();
		assertThat(this.api.get("/api/v2/scenarios/" + UUID.randomUUID() + "/summary").send().status()).isEqualTo(404);
	}

	private static String ids(int count) {
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			ids.add("\"" + UUID.randomUUID() + "\"");
		}
		return "[" + String.join(",", ids) + "]";
	}

}
