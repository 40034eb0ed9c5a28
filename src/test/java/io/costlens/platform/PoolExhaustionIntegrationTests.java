package io.costlens.platform;

import java.net.http.HttpRequest.BodyPublishers;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;

import io.costlens.TestApi;
import io.costlens.TestApi.Call;
import io.costlens.TestApi.Response;
import io.costlens.TestUsers;
import io.costlens.TestUsers.User;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every connection of the pool taken (by the test), so that each request waits out the
 * pool's connection timeout: an overload of the server, answered 503 with
 * {@code Retry-After} like a database that does not answer, never a 500. In a context of
 * its own with a small pool and a short connection timeout.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.hikari.maximum-pool-size=3", "spring.datasource.hikari.minimum-idle=3",
				"spring.datasource.hikari.connection-timeout=300",
				"costlens.scenarios.ingest.group-commit.commit-timeout=2s" })
@Import({ TestApi.class, TestUsers.class })
class PoolExhaustionIntegrationTests {

	@Autowired
	TestApi api;

	@Autowired
	TestUsers users;

	@Autowired
	DataSource dataSource;

	@Test
	void answers503WithRetryAfterWhileNoPooledConnectionIsFree() throws Exception {
		String scenario = this.api.post("/api/v2/scenarios", "{\"name\":\"pool-" + UUID.randomUUID() + "\"}")
			.send()
			.json()
			.get("id")
			.asString();
		assertThat(this.api.post("/api/v2/scenarios/" + scenario + "/start", "").send().status()).isEqualTo(200);
		User admin = this.users.create("admin", "enterprise");
		String token = this.api
			.post("/api/v2/auth/login",
					"{\"username\":\"" + admin.username() + "\",\"password\":\"" + admin.password() + "\"}")
			.anonymous()
			.send()
			.json()
			.get("access_token")
			.asString();
		List<Call> calls = new ArrayList<>();
		// an API key is looked up in the database; an access token is not, so its calls
		// reach the handlers
		for (UnaryOperator<Call> as : List.<UnaryOperator<Call>>of((call) -> call,
				(call) -> call.anonymous().header("Authorization", "Bearer " + token))) {
			calls.add(as.apply(this.api.get("/api/v2/scenarios")));
			calls.add(as.apply(this.api.get("/api/v2/scenarios/" + scenario)));
			calls.add(as.apply(this.api.get("/api/v2/scenarios/" + scenario + "/metrics?refresh=true")));
			calls.add(as
				.apply(this.api.post("/ingest", "{\"message\":\"pool line\"}").header("X-Scenario-ID", scenario)));
			calls.add(as.apply(
					this.api.post("/ingest/batch", "[{\"message\":\"pool line\"}]").header("X-Scenario-ID", scenario)));
			calls.add(as.apply(this.api.post("/ingest", "{\"message\":\"pool line\"}")
				.header("X-Scenario-ID", scenario)
				.header("Idempotency-Key", UUID.randomUUID().toString())));
			calls.add(as.apply(this.api.post("/api/v1/predict-log",
					"{\"model_name\":\"pool\",\"duration_ms\":1,\"was_successful\":true}")));
			calls.add(as.apply(this.api.post("/api/v1/predict-log/batch",
					"[{\"model_name\":\"pool\",\"duration_ms\":1,\"was_successful\":true}]")));
			calls.add(as.apply(this.api.get("/api/v1/predictions")));
			calls.add(as.apply(this.api.get("/api/v1/stats?model_name=pool&refresh=true")));
			calls.add(as.apply(this.api.get("/api/v2/auth/me")));
			calls.add(as.apply(this.api.get("/api/v2/users")));
			calls.add(as.apply(this.api.get("/api/v2/audit")));
			calls.add(as.apply(this.api.get("/api/usage")));
			calls.add(as.apply(this.api.request("POST", "/api/traces", BodyPublishers.ofString("{}\n"))
				.header("Content-Type", "application/x-ndjson")));
		}
		calls.add(this.api
			.post("/api/v2/auth/login",
					"{\"username\":\"" + admin.username() + "\",\"password\":\"" + admin.password() + "\"}")
			.anonymous());

		List<String> answers = new ArrayList<>();
		List<Connection> held = new ArrayList<>();
		try {
			for (int i = 0; i < 3; i++) {
				held.add(this.dataSource.getConnection());
			}
			for (Call call : calls) {
				Response response = call.send();
				answers
					.add(response.status() + " " + response.header("Retry-After") + " " + call + " " + response.body());
			}
		}
		finally {
			for (Connection connection : held) {
				connection.close();
			}
		}

		assertThat(answers).allSatisfy((answer) -> assertThat(answer).startsWith("503 2 "));
		assertThat(this.api.get("/api/v2/scenarios/" + scenario).send().status()).isEqualTo(200);
	}

}
