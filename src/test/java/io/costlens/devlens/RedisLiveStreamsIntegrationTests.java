package io.costlens.devlens;

import java.net.URI;
import java.net.http.HttpRequest.BodyPublishers;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.RedisClient;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.core.StringRedisTemplate;

import io.costlens.TestApi;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With Redis configured, sessions go through Redis pub/sub: what this instance imports is
 * published for the others, and what another instance publishes reaches this instance's
 * {@code /ws/sessions} clients.
 */
@EnabledIfEnvironmentVariable(named = "COSTLENS_TEST_REDIS_URL", matches = ".+",
		disabledReason = "set COSTLENS_TEST_REDIS_URL to run the tests that need a real Redis")
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "costlens.redis.url=${COSTLENS_TEST_REDIS_URL}")
@Import(TestApi.class)
class RedisLiveStreamsIntegrationTests {

	@Autowired
	TestApi api;

	@Autowired
	StringRedisTemplate redis;

	@Test
	void deliversASessionAnotherInstancePublished() throws Exception {
		JsonNode session = deliveredAfterPublishing("""
				[{"session_id": "from-elsewhere", "developer_id": "remote-dev", "model": "gpt-4o", "tokens": 42,
				  "cost_usd": "0.0001", "priced": true, "accepted": false}]""");

		assertThat(session).as("a session published on Redis reached the WebSocket client").isNotNull();
		session = session.get("data");
		assertThat(session.get("session_id").asString()).isEqualTo("from-elsewhere");
		assertThat(session.get("tokens").asLong()).isEqualTo(42);
	}

	@Test
	void deliversASessionANewerInstancePublishedWithFieldsThisOneDoesNotKnow() throws Exception {
		// a rolling upgrade: the newer instance's sessions carry a field this version
		// lacks
		JsonNode session = deliveredAfterPublishing("""
				[{"session_id": "from-newer", "developer_id": "remote-dev", "model": "gpt-4o", "tokens": 7,
				  "cost_usd": "0.0002", "priced": true, "accepted": true, "cache_read_tokens": 3,
				  "labels": {"team": "core"}}]""");

		assertThat(session).as("a session with unknown fields reached the WebSocket client").isNotNull();
		session = session.get("data");
		assertThat(session.get("session_id").asString()).isEqualTo("from-newer");
		assertThat(session.get("tokens").asLong()).isEqualTo(7);
		assertThat(session.get("accepted").asBoolean()).isTrue();
	}

	/**
	 * Publishes {@code message} on the sessions channel until a {@code /ws/sessions}
	 * client gets a {@code new_session} event (the subscription starts in the background,
	 * again when a paused test context is used again, so publish until it is there, as
	 * another instance would keep publishing too); that event, or null after 30 tries.
	 */
	private JsonNode deliveredAfterPublishing(String message) throws Exception {
		try (WebSocketClient client = WebSocketClient.connect(ws("/ws/sessions"), "X-API-Key", TestApi.ADMIN_KEY)) {
			client.next("connected", Duration.ofSeconds(10));
			JsonNode session = null;
			for (int attempt = 0; attempt < 30 && session == null; attempt++) {
				this.redis.convertAndSend(RedisSessionFanOut.CHANNEL, message);
				session = client.poll("new_session", Duration.ofSeconds(1));
			}
			return session;
		}
	}

	@Test
	void publishesWhatThisInstanceImports() throws Exception {
		String tag = UUID.randomUUID().toString();
		BlockingQueue<String> published = new LinkedBlockingQueue<>();
		RedisClient client = RedisClient.create(System.getenv("COSTLENS_TEST_REDIS_URL"));
		try (StatefulRedisPubSubConnection<String, String> subscriber = client.connectPubSub()) {
			subscriber.addListener(new RedisPubSubAdapter<>() {
				@Override
				public void message(String channel, String message) {
					published.add(message);
				}
			});
			subscriber.sync().subscribe(RedisSessionFanOut.CHANNEL);

			this.api.request("POST", "/api/traces",
					BodyPublishers.ofString(("{\"timestamp\": \"2025-10-12T19:00:00Z\", "
							+ "\"usage\": {\"input_tokens\": 1}, \"metadata\": {\"session_id\": \"session-%s\"}}")
						.formatted(tag)))
				.header("Content-Type", "application/x-ndjson")
				.send();

			String message = published.poll(10, TimeUnit.SECONDS);
			assertThat(message).contains(tag);
		}
		finally {
			client.shutdown();
		}
	}

	private URI ws(String path) {
		return URI.create(this.api.uri(path).toString().replaceFirst("^http", "ws"));
	}

}
