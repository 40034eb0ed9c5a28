package io.costlens.platform.observability;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;

import io.costlens.IntegrationTest;
import io.costlens.TestApi;
import io.costlens.TestApi.Response;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
@TestPropertySource(properties = { "costlens.log-json=true", "logging.level.io.costlens.platform.observability=debug" })
@ExtendWith(OutputCaptureExtension.class)
class LogsIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	TestApi api;

	@Test
	void writesOneJsonObjectPerLineWithTheCorrelationId(CapturedOutput output) {
		String id = "req-" + UUID.randomUUID();

		this.api.get("/api/v2/scenarios").header("X-Correlation-ID", id).send();

		List<JsonNode> lines = output.getOut()
			.lines()
			.filter((line) -> line.contains(id))
			.map((line) -> JSON.readTree(line))
			.toList();
		assertThat(lines).isNotEmpty();
		assertThat(lines.get(0).get("correlation_id").asString()).isEqualTo(id);
		assertThat(lines.get(0).get("message").asString()).contains("GET /api/v2/scenarios answered 200");
		assertThat(lines.get(0).has("@timestamp")).isTrue();
	}

	@Test
	void echoesASaneCorrelationIdOnEveryResponseErrorsIncluded() {
		Response ok = this.api.get("/api/v2/scenarios").header("X-Correlation-ID", "abc-123").send();
		Response missing = this.api.get("/api/v2/scenarios/" + UUID.randomUUID())
			.header("X-Correlation-ID", "abc-124")
			.send();
		Response anonymous = this.api.get("/api/v2/scenarios").anonymous().header("X-Correlation-ID", "abc-125").send();
		Response none = this.api.get("/api/v2/scenarios").send();

		assertThat(ok.header("X-Correlation-ID")).isEqualTo("abc-123");
		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.header("X-Correlation-ID")).isEqualTo("abc-124");
		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(anonymous.header("X-Correlation-ID")).isEqualTo("abc-125");
		assertThat(UUID.fromString(none.header("X-Correlation-ID"))).isNotNull();
	}

	@Test
	void refusesAnInsaneCorrelationIdAndStoresNothing() {
		String name = "corr-" + UUID.randomUUID();
		for (String bad : new String[] { "x".repeat(129), "a b", "a\"b", "<script>" }) {
			Response response = this.api.post("/api/v2/scenarios", "{\"name\":\"" + name + "\"}")
				.header("X-Correlation-ID", bad)
				.send();

			assertThat(response.status()).as(bad).isEqualTo(400);
			assertThat(response.json().get("message").asString()).contains("X-Correlation-ID");
			assertThat(UUID.fromString(response.header("X-Correlation-ID"))).isNotNull();
		}
		assertThat(this.api.get("/api/v2/scenarios?q=" + name).send().json().get("total").asInt()).isZero();
	}

	@Test
	void logsNoApiKeyPasswordOrProviderKey(CapturedOutput output) {
		String password = "Secret-Pass-" + UUID.randomUUID();
		String username = "logs-" + UUID.randomUUID().toString().substring(0, 8);
		String providerKey = "sk-or-v1-" + UUID.randomUUID().toString().replace("-", "");
		String badKey = "clk_" + UUID.randomUUID().toString().replace("-", "");

		this.api
			.post("/api/v2/auth/register",
					"{\"username\":\"" + username + "\",\"email\":\"" + username + "@example.com\",\"password\":\""
							+ password + "\"}")
			.send();
		this.api.post("/api/v2/auth/login", "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}")
			.anonymous()
			.send();
		this.api
			.post("/api/v2/auth/login", "{\"username\":\"" + username + "\",\"password\":\"wrong-" + password + "\"}")
			.anonymous()
			.send();
		this.api.post("/auth/token", "{\"username\":\"" + password + "\",\"password\":\"" + password + "\"}")
			.anonymous()
			.send();
		String newKey = this.api.post("/api/v2/api-keys", "{\"name\":\"logs\"}").send().json().get("key").asString();
		this.api.get("/api/v2/auth/me").as(newKey).send();
		this.api.get("/api/v2/scenarios").as(badKey).send();
		this.api.get("/api/v2/scenarios").anonymous().header("Authorization", "Bearer " + providerKey).send();
		this.api.post("/api/v2/scenarios", "{\"name\":\"" + providerKey + "\",\"lambda_batch_size\":0}").send();
		this.api.post("/api/v2/auth/password-reset", "{\"email\":\"" + username + "@example.com\"}").anonymous().send();

		String logs = output.getAll();
		assertThat(logs).contains("POST /api/v2/auth/login answered 401");
		for (String secret : new String[] { password, providerKey, badKey, newKey, TestApi.ADMIN_KEY,
				TestApi.ADMIN_PASSWORD }) {
			assertThat(logs).doesNotContain(secret);
		}
	}

}
