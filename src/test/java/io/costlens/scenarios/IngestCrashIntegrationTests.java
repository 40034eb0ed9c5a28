package io.costlens.scenarios;

import java.io.IOException;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.costlens.JarServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the packaged jar as a separate process, ingests from many clients, kills it with
 * SIGKILL mid-stream, restarts it, and checks that every message that got a 202 is
 * stored. On H2 (own data folder) or, in the PostgreSQL run, on a schema of its own.
 */
class IngestCrashIntegrationTests {

	private final JarServer server = new JarServer("crash-test");

	@AfterEach
	void stopServer() throws Exception {
		this.server.close();
	}

	@Test
	void keepsEveryAcknowledgedLogAcrossAKill() throws Exception {
		this.server.start();
		String scenario = this.server.createRunningScenario();
		Map<String, Boolean> acked = new ConcurrentHashMap<>();
		AtomicBoolean ingesting = new AtomicBoolean(true);
		try (ExecutorService clients = Executors.newFixedThreadPool(16)) {
			for (int c = 0; c < 16; c++) {
				int client = c;
				clients.submit(() -> ingestUntilStopped(scenario, client, ingesting, acked));
			}
			// Kill once enough writes are acknowledged (not after a fixed time: a loaded
			// machine is slower).
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
			Thread.sleep(2_000);
			while (acked.size() <= 200 && System.nanoTime() < deadline) {
				Thread.sleep(50);
			}
			this.server.kill();
			ingesting.set(false);
		}
		assertThat(acked).hasSizeGreaterThan(50);
		System.out.println("crash test: " + acked.size() + " messages acknowledged before SIGKILL");

		this.server.start();
		Set<String> stored = storedHashes(scenario);

		assertThat(stored).containsAll(acked.keySet());
		JsonNode scenarioNow = this.server.get("/api/v1/scenarios/" + scenario);
		assertThat(scenarioNow.get("total_requests").asLong()).isEqualTo(stored.size());
		assertThat(this.server.get("/api/v1/scenarios/" + scenario + "/metrics")
			.get("summary")
			.get("total_requests")
			.asLong()).isEqualTo(stored.size());
	}

	private void ingestUntilStopped(String scenario, int client, AtomicBoolean ingesting, Map<String, Boolean> acked) {
		for (int i = 0; ingesting.get(); i++) {
			String message = "crash client " + client + " message " + i + " mail someone" + i + "@example.com "
					+ "x".repeat(300);
			try {
				HttpResponse<String> response = this.server.send(this.server.request("/ingest")
					.header("X-Scenario-ID", scenario)
					.POST(BodyPublishers.ofString("{\"message\":\"" + message + "\"}"))
					.build());
				if (response.statusCode() == 202) {
					acked.put(JarServer.json(response).get("message_hash").asString(), true);
				}
			}
			catch (IOException ex) {
				// the server is gone: nothing acknowledged this message
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	private Set<String> storedHashes(String scenario) throws Exception {
		Set<String> hashes = new HashSet<>();
		for (int page = 1;; page++) {
			JsonNode logs = this.server.get("/api/v1/scenarios/" + scenario + "/logs?page_size=100&page=" + page);
			logs.get("items").forEach((log) -> hashes.add(log.get("message_hash").asString()));
			if (logs.get("items").size() < 100) {
				return hashes;
			}
		}
	}

}
