package io.costlens.platform.web;

import java.net.http.HttpRequest.BodyPublishers;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import io.costlens.IntegrationTest;
import io.costlens.TestApi;
import io.costlens.TestApi.Response;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Request bodies mean exactly what they say: what the JSON reader would once have dropped
 * or converted is a 422 naming the field in a plain sentence, and nothing is stored.
 */
@IntegrationTest
class StrictJsonIntegrationTests {

	private static final String SCENARIOS = "/api/v2/scenarios";

	@Autowired
	TestApi api;

	@Test
	void refusesAnUnknownFieldNamingItAndTheKnownOnes() {
		String name = unique();
		Response response = this.api.post(SCENARIOS, "{\"name\":\"" + name + "\",\"lambdaBatchSize\":7}").send();

		JsonNode error = assertRefused(response, "lambdaBatchSize");
		assertThat(error.get("message").asString()).contains("not a field").contains("lambda_batch_size");
		assertNothingStored(name);
	}

	@Test
	void refusesAKeyGivenTwice() {
		String name = unique();
		Response response = this.api
			.post(SCENARIOS, "{\"name\":\"" + name + "\",\"lambda_batch_size\":7,\"lambda_batch_size\":8}")
			.send();

		assertThat(assertRefused(response, "lambda_batch_size").get("message").asString()).contains("more than once");
		assertNothingStored(name);
	}

	@Test
	void refusesAStringForANumber() {
		String name = unique();
		Response response = this.api.post(SCENARIOS, "{\"name\":\"" + name + "\",\"lambda_batch_size\":\"12\"}").send();

		assertThat(assertRefused(response, "lambda_batch_size").get("message").asString()).contains("a whole number");
		assertNothingStored(name);
	}

	@Test
	void refusesAFractionForAnInteger() {
		String name = unique();
		Response response = this.api.post(SCENARIOS, "{\"name\":\"" + name + "\",\"lambda_batch_size\":1.5}").send();

		assertRefused(response, "lambda_batch_size");
		assertNothingStored(name);
	}

	@Test
	void refusesANumberForAString() {
		Response response = this.api.post(SCENARIOS, "{\"name\":12}").send();

		assertRefused(response, "name");
	}

	@Test
	void refusesAnUnknownFieldOnEveryLineOfAnNdjsonBatch() {
		Response response = this.api
			.request("POST", "/ingest/batch",
					BodyPublishers.ofString("{\"message\":\"a\"}\n{\"message\":\"b\",\"sorce\":\"x\"}\n"))
			.header("Content-Type", "application/x-ndjson")
			.header("X-Scenario-ID", UUID.randomUUID().toString())
			.send();

		assertRefused(response, "line 2 sorce");
	}

	@Test
	void refusesAnUnknownFieldInAJsonArrayBatchNamingItsIndex() {
		Response response = this.api.post("/ingest/batch", "[{\"message\":\"a\"},{\"message\":\"b\",\"extra\":1}]")
			.header("X-Scenario-ID", UUID.randomUUID().toString())
			.send();

		assertRefused(response, "[1].extra");
	}

	@Test
	void neverNamesTheJsonReadersInternals() {
		String[] bodies = { "{\"message\":\"a\u0000b\"}", "[{\"message\":\"a\"}]", "{\"message\":", "{'message':1}",
				"{\"message\":\"a\"} trailing", "\"just a string\"" };
		for (String body : bodies) {
			Response response = this.api.post("/ingest", body)
				.header("X-Scenario-ID", UUID.randomUUID().toString())
				.send();

			assertThat(response.status()).as(body).isEqualTo(422);
			assertThat(response.contentType()).startsWith("application/problem+json");
			assertThat(response.body()).as(body)
				.doesNotContain("JsonReadFeature", "IngestRequest", "jackson", "Jackson", "`", "java.", "Exception",
						"CTRL-CHAR");
		}
	}

	private JsonNode assertRefused(Response response, String field) {
		assertThat(response.status()).as(response.body()).isEqualTo(422);
		assertThat(response.contentType()).startsWith("application/problem+json");
		JsonNode error = response.json().get("errors").get(0);
		assertThat(error.get("field").asString()).isEqualTo(field);
		assertThat(response.body()).doesNotContain("jackson", "Jackson", "ScenarioRequest", "`");
		return error;
	}

	private void assertNothingStored(String name) {
		Response list = this.api.get(SCENARIOS + "?q=" + name).send();
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.json().get("total").asLong()).isZero();
	}

	private static String unique() {
		return "strict-" + UUID.randomUUID();
	}

}
