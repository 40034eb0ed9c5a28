package io.costlens.scenarios;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import io.costlens.IntegrationTest;
import io.costlens.TestApi;
import io.costlens.TestApi.Response;
import io.costlens.TestUsers;

import static io.costlens.scenarios.ScenarioFixtures.create;
import static io.costlens.scenarios.ScenarioFixtures.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class ScenarioLifecycleIntegrationTests {

	@Autowired
	TestApi api;

	@Autowired
	TestUsers users;

	@Test
	void createsADraftWithTheSeedDefaults() {
		String name = uniqueName("defaults");
		Response created = this.api.post("/api/v1/scenarios", "{\"name\":\"" + name + "\",\"tags\":[\"a\",\"b\"]}")
			.send();

		assertThat(created.status()).isEqualTo(201);
		var body = created.json();
		assertThat(body.get("name").asString()).isEqualTo(name);
		assertThat(body.get("status").asString()).isEqualTo("draft");
		assertThat(body.get("region").asString()).isEqualTo("us-east-1");
		assertThat(body.get("tags").toString()).isEqualTo("[\"a\",\"b\"]");
		assertThat(body.get("total_requests").asLong()).isZero();
		assertThat(body.get("lambda_batch_size").asInt()).isEqualTo(100);
		assertThat(body.get("lambda_memory_mb").asInt()).isEqualTo(1024);
		assertThat(body.get("lambda_duration_ms").asInt()).isEqualTo(1000);
		assertThat(body.get("bedrock_model").asString()).isEqualTo("claude_3_sonnet");
		assertThat(body.get("output_tokens_ratio").asDouble()).isZero();
		assertThat(body.get("started_at").isNull()).isTrue();
		assertThat(this.api.get("/api/v1/scenarios/" + body.get("id").asString()).send().json().get("name").asString())
			.isEqualTo(name);
	}

	@Test
	void rejectsDuplicateNameOnCreateAndUpdate() {
		String name = uniqueName("dup");
		create(this.api, "{\"name\":\"" + name + "\"}");
		String other = create(this.api, "{\"name\":\"" + uniqueName("other") + "\"}");

		Response again = this.api.post("/api/v1/scenarios", "{\"name\":\"" + name + "\"}").send();
		Response renamed = this.api.put("/api/v1/scenarios/" + other, "{\"name\":\"" + name + "\"}").send();

		assertThat(again.status()).isEqualTo(409);
		assertThat(again.json().get("error").asString()).isEqualTo("conflict");
		assertThat(renamed.status()).isEqualTo(409);
	}

	/**
	 * A region the catalog has no price in at all, and {@code global}, the LLM prices'
	 * pseudo-region, where no SQS, Lambda or Bedrock price (so no scenario cost) exists.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "mars-north-1", "global" })
	void rejectsARegionWhereTheCatalogCannotPriceAScenario(String region) {
		Response response = this.api
			.post("/api/v1/scenarios", "{\"name\":\"" + uniqueName("region") + "\",\"region\":\"" + region + "\"}")
			.send();

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("message").asString()).contains("'" + region + "'");
	}

	@Test
	void rejectsInvalidFields() {
		Response response = this.api.post("/api/v1/scenarios", "{\"name\":\"\",\"lambda_memory_mb\":64}").send();

		assertThat(response.status()).isEqualTo(422);
		assertThat(response.body()).contains("name").contains("lambda_memory_mb");
	}

	@Test
	void updatesOnlyTheFieldsGiven() {
		String id = create(this.api, "{\"name\":\"" + uniqueName("upd") + "\",\"description\":\"keep\"}");

		Response updated = this.api
			.put("/api/v1/scenarios/" + id,
					"{\"lambda_batch_size\":10,\"output_tokens_ratio\":0.5,\"region\":\"eu-west-1\"}")
			.send();

		assertThat(updated.status()).isEqualTo(200);
		assertThat(updated.json().get("description").asString()).isEqualTo("keep");
		assertThat(updated.json().get("lambda_batch_size").asInt()).isEqualTo(10);
		assertThat(updated.json().get("output_tokens_ratio").asDouble()).isEqualTo(0.5);
		assertThat(updated.json().get("region").asString()).isEqualTo("eu-west-1");
	}

	@Test
	void walksTheLifecycleAndNamesBothStatesOnAnIllegalMove() {
		String id = create(this.api, "{\"name\":\"" + uniqueName("life") + "\"}");
		String path = "/api/v1/scenarios/" + id;

		Response archiveDraft = this.api.post(path + "/archive", "").send();
		assertThat(archiveDraft.status()).isEqualTo(409);
		assertThat(archiveDraft.json().get("message").asString()).contains("draft").contains("archived");

		Response started = this.api.post(path + "/start", "").send();
		assertThat(started.json().get("status").asString()).isEqualTo("running");
		assertThat(started.json().get("started_at").isNull()).isFalse();
		Response startAgain = this.api.post(path + "/start", "").send();
		assertThat(startAgain.status()).isEqualTo(409);
		assertThat(startAgain.json().get("message").asString())
			.isEqualTo("Scenario " + id + " cannot go from running to running");

		Response deleteRunning = this.api.delete(path).send();
		assertThat(deleteRunning.status()).isEqualTo(409);

		Response stopped = this.api.post(path + "/stop", "").send();
		assertThat(stopped.json().get("status").asString()).isEqualTo("completed");
		assertThat(stopped.json().get("completed_at").isNull()).isFalse();

		Response archived = this.api.post(path + "/archive", "").send();
		assertThat(archived.json().get("status").asString()).isEqualTo("archived");
		Response restart = this.api.post(path + "/start", "").send();
		assertThat(restart.status()).isEqualTo(409);
		assertThat(restart.json().get("message").asString()).contains("archived").contains("running");

		assertThat(this.api.delete(path).send().status()).isEqualTo(204);
		assertThat(this.api.get(path).send().status()).isEqualTo(404);
	}

	@Test
	void answersNotFoundForUnknownScenarios() {
		Response response = this.api.get("/api/v1/scenarios/00000000-0000-0000-0000-000000000000").send();

		assertThat(response.status()).isEqualTo(404);
		assertThat(response.json().get("error").asString()).isEqualTo("not_found");
	}

	@Test
	void listsWithFiltersAndPages() {
		String tag = uniqueName("list");
		for (int i = 0; i < 3; i++) {
			create(this.api, "{\"name\":\"" + tag + "-" + i + "\",\"region\":\"eu-central-1\"}");
		}
		String running = create(this.api, "{\"name\":\"" + tag + "-run\",\"region\":\"eu-central-1\"}");
		this.api.post("/api/v1/scenarios/" + running + "/start", "").send();

		Response page = this.api.get("/api/v1/scenarios?q=" + tag.toUpperCase() + "&page=2&page_size=2").send();
		Response drafts = this.api.get("/api/v1/scenarios?q=" + tag + "&status=draft&region=eu-central-1").send();
		Response runningOnly = this.api.get("/api/v1/scenarios?q=" + tag + "&status=running").send();

		assertThat(page.json().get("total").asLong()).isEqualTo(4);
		assertThat(page.json().get("page").asInt()).isEqualTo(2);
		assertThat(page.json().get("page_size").asInt()).isEqualTo(2);
		assertThat(page.json().get("items").size()).isEqualTo(2);
		assertThat(drafts.json().get("total").asLong()).isEqualTo(3);
		assertThat(runningOnly.json().get("items").get(0).get("id").asString()).isEqualTo(running);
		assertThat(this.api.get("/api/v1/scenarios?page_size=101").send().status()).isEqualTo(400);
		assertThat(this.api.get("/api/v1/scenarios?status=sleeping").send().status()).isEqualTo(400);
	}

	@Test
	void countsTheMatchesAfreshAfterACreateAStatusChangeAndADeletion() {
		String tag = uniqueName("count");
		String first = create(this.api, "{\"name\":\"" + tag + "-0\"}");
		assertThat(total("?q=" + tag)).isEqualTo(1);
		assertThat(total("?q=" + tag + "&status=running")).isZero();
		String second = create(this.api, "{\"name\":\"" + tag + "-1\"}");
		assertThat(total("?q=" + tag)).as("after a create").isEqualTo(2);
		this.api.post("/api/v1/scenarios/" + first + "/start", "").send();
		assertThat(total("?q=" + tag + "&status=running")).as("after a start").isEqualTo(1);
		this.api.post("/api/v1/scenarios/" + first + "/stop", "").send();
		assertThat(this.api.delete("/api/v1/scenarios/" + second).send().status()).isEqualTo(204);
		assertThat(total("?q=" + tag)).as("after a deletion").isEqualTo(1);
		assertThat(total("?q=" + tag + "&status=running")).isZero();
	}

	private long total(String query) {
		return this.api.get("/api/v1/scenarios" + query).send().json().get("total").asLong();
	}

	@Test
	void letsViewersReadButNotWrite() {
		String id = create(this.api, "{\"name\":\"" + uniqueName("viewer") + "\"}");
		String viewer = this.users.create("viewer", "free").apiKey();

		assertThat(this.api.get("/api/v1/scenarios/" + id).as(viewer).send().status()).isEqualTo(200);
		assertThat(this.api.get("/api/v1/scenarios/" + id + "/metrics").as(viewer).send().status()).isEqualTo(200);
		assertThat(this.api.post("/api/v1/scenarios/" + id + "/start", "").as(viewer).send().status()).isEqualTo(403);
		assertThat(this.api.post("/api/v1/scenarios", "{\"name\":\"x\"}").as(viewer).send().status()).isEqualTo(403);
		assertThat(this.api.post("/api/v1/scenarios", "{\"name\":\"x\"}").anonymous().send().status()).isEqualTo(401);
	}

	@Test
	void putsEveryChangeAndLifecycleStepOnTheAuditRecord() {
		String id = create(this.api, "{\"name\":\"" + uniqueName("audited") + "\"}");
		this.api.put("/api/v1/scenarios/" + id, "{\"description\":\"checked\"}").send();
		this.api.post("/api/v1/scenarios/" + id + "/start", "").send();
		this.api.post("/api/v1/scenarios/" + id + "/stop", "").send();
		this.api.post("/api/v1/scenarios/" + id + "/archive", "").send();
		this.api.delete("/api/v1/scenarios/" + id).send();

		JsonNode entries = this.api.get("/api/v2/audit?resource_type=scenario&resource_id=" + id + "&page_size=20")
			.send()
			.json()
			.get("items");
		assertThat(entries.valueStream().map((e) -> e.get("event_type").asString())).containsExactly("scenario.deleted",
				"scenario.archived", "scenario.stopped", "scenario.started", "scenario.updated", "scenario.created");
		assertThat(entries.valueStream().map((e) -> e.get("actor").asString())).containsOnly("admin");
		assertThat(this.api.get("/api/v2/audit/verify").send().json().get("valid").asBoolean()).isTrue();
	}

}
