package io.costlens.platform.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import io.costlens.IntegrationTest;
import io.costlens.TestApi;
import io.costlens.TestApi.Response;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class ApiVersionsIntegrationTests {

	@Autowired
	TestApi api;

	@Test
	void servesEveryV1RouteUnderV2WithTheSameAnswer() {
		for (String path : new String[] { "/scenarios?page_size=1", "/pricing?region=eu-west-1&service=sqs", "/models",
				"/predictions?limit=1", "/stats?model_name=none" }) {
			Response v1 = this.api.get("/api/v1" + path).send();
			Response v2 = this.api.get("/api/v2" + path).send();
			assertThat(v2.status()).as(path).isEqualTo(200).isEqualTo(v1.status());
			assertThat(v2.json()).as(path).isEqualTo(v1.json());
		}
		Response created = this.api.post("/api/v2/scenarios", "{\"name\":\"v2-" + UUID.randomUUID() + "\"}").send();
		assertThat(created.status()).isEqualTo(201);
		String id = created.json().get("id").asString();
		assertThat(this.api.post("/api/v2/scenarios/" + id + "/start", "").send().json().get("status").asString())
			.isEqualTo("running");
		assertThat(this.api.get("/api/v1/scenarios/" + id + "/logs").send().status()).isEqualTo(200);
		assertThat(this.api.get("/api/v2/scenarios/" + id + "/metrics").send().status()).isEqualTo(200);
	}

	@Test
	void servesTheUnversionedProviderAndDevlensRoutesUnderV2Too() {
		for (String path : new String[] { "/keys", "/usage", "/usage/summary", "/sessions?page_size=1", "/metrics",
				"/insights", "/traces/rejected" }) {
			Response seed = this.api.get("/api" + path).send();
			Response v2 = this.api.get("/api/v2" + path).send();
			assertThat(v2.status()).as(path).isEqualTo(200).isEqualTo(seed.status());
			// the same handler: the same fields (the values move with other tests'
			// imports)
			assertThat(fieldNames(v2.json())).as(path).isEqualTo(fieldNames(seed.json()));
			assertThat(seed.header("Deprecation")).as(path).isNull();
		}
		assertThat(this.api.get("/api/v2/keys").anonymous().send().status()).isEqualTo(401);
		assertThat(this.api.get("/api/v2/keys/" + UUID.randomUUID()).send().status()).isEqualTo(404);
		JsonNode guide = this.api.get("/api/deprecation").anonymous().send().json();
		assertThat(guide.get("unversioned").toString())
			.contains("{\"method\":\"POST\",\"v1\":\"/api/keys\",\"v2\":\"/api/v2/keys\"}")
			.contains("{\"method\":\"POST\",\"v1\":\"/api/traces\",\"v2\":\"/api/v2/traces\"}");
		assertThat(guide.get("routes").toString()).doesNotContain("/api/keys");
	}

	private static List<String> fieldNames(JsonNode body) {
		return body.properties().stream().map(Map.Entry::getKey).sorted().toList();
	}

	@Test
	void marksV1ResponsesDeprecatedErrorsIncluded() {
		Response ok = this.api.get("/api/v1/scenarios").send();
		Response missing = this.api.get("/api/v1/scenarios/" + UUID.randomUUID()).send();
		Response anonymous = this.api.get("/api/v1/scenarios").anonymous().send();

		for (Response response : new Response[] { ok, missing, anonymous }) {
			assertThat(response.header("Deprecation")).isEqualTo("@1796083200");
			assertThat(response.header("Sunset")).isEqualTo("Thu, 31 Dec 2026 23:59:59 GMT");
			assertThat(response.header("Link")).startsWith("</api/deprecation>; rel=\"deprecation\"");
		}
		assertThat(missing.status()).isEqualTo(404);
		assertThat(anonymous.status()).isEqualTo(401);
	}

	@Test
	void leavesV2ResponsesUnmarked() {
		Response v2 = this.api.get("/api/v2/scenarios").send();
		Response audit = this.api.get("/api/v2/audit").send();

		for (Response response : new Response[] { v2, audit }) {
			assertThat(response.header("Deprecation")).isNull();
			assertThat(response.header("Sunset")).isNull();
			assertThat(response.header("Link")).isNull();
		}
	}

	@Test
	void guidesTheMigrationFromV1ToV2WithoutACredential() {
		Response guide = this.api.get("/api/deprecation").anonymous().send();

		assertThat(guide.status()).isEqualTo(200);
		JsonNode body = guide.json();
		assertThat(body.get("sunset").asString()).isEqualTo("2026-12-31");
		assertThat(body.get("v1_after_sunset").asBoolean()).isTrue();
		assertThat(body.get("routes").toString())
			.contains("{\"method\":\"POST\",\"v1\":\"/api/v1/scenarios\",\"v2\":\"/api/v2/scenarios\"}")
			.contains("{\"method\":\"GET\",\"v1\":\"/api/v1/stats\",\"v2\":\"/api/v2/stats\"}")
			.contains("\"v1\":\"/api/v1/pricing/{id}\"");
		assertThat(guide.header("Deprecation")).isNull();
	}

	@Test
	void readsTimeParametersInTheSameFormsEverywhere() {
		String id = this.api.post("/api/v2/scenarios", "{\"name\":\"times-" + UUID.randomUUID() + "\"}")
			.send()
			.json()
			.get("id")
			.asString();
		String metrics = "/api/v2/scenarios/" + id + "/metrics";

		for (String from : new String[] { "2026-11-01", "2026-11-01T00:00:00Z", "2026-11-01T01:00:00%2B01:00",
				"2026-11-01T00:00:00" }) {
			Response response = this.api.get(metrics + "?from=" + from + "&to=2026-12-01").send();
			assertThat(response.status()).as(from).isEqualTo(200);
			assertThat(response.json().get("from").asString()).as(from).isEqualTo("2026-11-01T00:00:00Z");
		}
		assertThat(this.api.get("/api/v2/audit?from=2026-11-01&to=2026-11-02T00:00:00").send().status()).isEqualTo(200);
		assertThat(this.api.get("/api/v2/predictions?from=2026-11-01T00:00:00%2B01:00").send().status()).isEqualTo(200);
		assertThat(this.api.get("/api/v2/stats?model_name=m&from=2026-11-01T10:00:00Z").send().status()).isEqualTo(200);

		for (String path : new String[] { metrics + "?from=yesterday", "/api/v2/audit?to=2026-13-01",
				"/api/v2/predictions?from=1.5", "/api/v2/stats?model_name=m&from_date=11/01/2026" }) {
			Response bad = this.api.get(path).send();
			assertThat(bad.status()).as(path).isEqualTo(400);
			assertThat(bad.json().get("message").asString()).as(path)
				.contains("YYYY-MM-DD")
				.contains("2026-12-01T10:00:00Z")
				.contains("without one, meaning UTC");
		}
	}

}
