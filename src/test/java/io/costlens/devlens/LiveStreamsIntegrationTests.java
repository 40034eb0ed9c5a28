package io.costlens.devlens;

import java.net.URI;
import java.net.http.HttpRequest.BodyPublishers;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import io.costlens.IntegrationTest;
import io.costlens.TestApi;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class LiveStreamsIntegrationTests {

	@Autowired
	TestApi api;

	@Test
	void streamsKpisEveryIntervalAndAnswersPings() throws Exception {
		try (WebSocketClient client = WebSocketClient.connect(ws("/ws/metrics"), "X-API-Key", TestApi.ADMIN_KEY)) {
			JsonNode connected = client.next("connected", Duration.ofSeconds(10));
			assertThat(connected.get("data").get("stream").asString()).isEqualTo("metrics");
			assertThat(connected.get("timestamp").asString()).isNotBlank();

			// next fails the test when no pong arrives in time.
			client.send("ping");
			client.next("pong", Duration.ofSeconds(10));
			client.send("{\"type\": \"ping\"}");
			client.next("pong", Duration.ofSeconds(10));

			JsonNode update = client.next("metrics_update", Duration.ofSeconds(15));
			assertThat(update.get("data").get("acceptance_rate").has("status")).isTrue();
			assertThat(update.get("data").get("rework_rate").get("unit").asString()).isEqualTo("%");
		}
	}

	@Test
	void sendsEachImportedSession() throws Exception {
		String tag = UUID.randomUUID().toString();
		try (WebSocketClient client = WebSocketClient.connect(ws("/ws/sessions?access_token=" + TestApi.ADMIN_KEY),
				null, null)) {
			client.next("connected", Duration.ofSeconds(10));

			this.api.request("POST", "/api/traces",
					BodyPublishers.ofString("""
							{"timestamp": "2025-10-12T19:00:00Z", "usage": {"input_tokens": 250, "output_tokens": 150},
							 "attributes": {"llm.model_name": "claude-haiku-4-5", "prod_lens.accepted": true},
							 "metadata": {"developer_id": "ws-dev", "session_id": "session-%s", "repo": "ws/live"}}"""
						.formatted(tag)
						.replace("\n", "")))
				.header("Content-Type", "application/x-ndjson")
				.send();

			JsonNode session = client.next("new_session", Duration.ofSeconds(10)).get("data");
			assertThat(session.get("session_id").asString()).isEqualTo(tag);
			assertThat(session.get("developer_id").asString()).isEqualTo("ws-dev");
			assertThat(session.get("model").asString()).isEqualTo("claude-haiku-4-5");
			assertThat(session.get("tokens").asLong()).isEqualTo(400);
			assertThat(session.get("cost_usd").isString()).isTrue();
			assertThat(session.get("cost_usd").asString()).isEqualTo("0.001");
			assertThat(session.get("accepted").asBoolean()).isTrue();
		}
	}

	@Test
	void refusesHandshakesWithoutAValidCredential() throws Exception {
		assertThat(WebSocketClient.refusedStatus(ws("/ws/metrics"))).isEqualTo(401);
		assertThat(WebSocketClient.refusedStatus(ws("/ws/sessions"))).isEqualTo(401);
		assertThat(WebSocketClient.refusedStatus(ws("/ws/sessions?access_token=clk_wrong"))).isEqualTo(401);
	}

	@Test
	void takesAJwtInTheAuthorizationHeader() throws Exception {
		JsonNode token = this.api
			.post("/auth/token", "{\"username\": \"admin\", \"password\": \"" + TestApi.ADMIN_PASSWORD + "\"}")
			.anonymous()
			.send()
			.json();
		try (WebSocketClient client = WebSocketClient.connect(ws("/ws/sessions"), "Authorization",
				"Bearer " + token.get("access_token").asString())) {
			assertThat(client.next("connected", Duration.ofSeconds(10)).get("data").get("stream").asString())
				.isEqualTo("sessions");
		}
	}

	private URI ws(String path) {
		return URI.create(this.api.uri(path).toString().replaceFirst("^http", "ws"));
	}

}
