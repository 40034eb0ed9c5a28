package io.costlens;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the packaged jar as a separate process, sends batches to {@code /ingest/batch} and
 * {@code /api/v1/predict-log/batch} from many clients, kills it with SIGKILL while
 * batches are in flight, restarts it on the same database, and checks that every batch
 * that was acknowledged is stored whole and that no batch is stored in part. Each batch
 * marks its items (the logs' source, the predictions' model name), so the stored items
 * can be counted per batch. On H2 (own data folder) or, in the PostgreSQL run, on a
 * schema of its own.
 */
class BatchCrashIntegrationTests {

	private static final int BATCH = 40;

	private final JarServer server = new JarServer("batch-crash-test");

	@AfterEach
	void stopServer() throws Exception {
		this.server.close();
	}

	@Test
	void storesEveryAcknowledgedBatchWholeAndNoBatchInPartAcrossAKill() throws Exception {
		this.server.start();
		String scenario = this.server.createRunningScenario();
		Set<String> logBatches = ConcurrentHashMap.newKeySet();
		Set<String> predictionBatches = ConcurrentHashMap.newKeySet();
		AtomicBoolean sending = new AtomicBoolean(true);
		try (ExecutorService clients = Executors.newFixedThreadPool(8)) {
			for (int c = 0; c < 8; c++) {
				int client = c;
				clients.submit(() -> {
					for (int b = 0; sending.get(); b++) {
						String marker = "crash-" + client + "-" + b;
						if (client % 2 == 0) {
							send(this.server.request("/ingest/batch?response=summary")
								.header("X-Scenario-ID", scenario), logs(marker), 202, marker, logBatches);
						}
						else {
							send(this.server.request("/api/v1/predict-log/batch"), predictions(marker), 201, marker,
									predictionBatches);
						}
					}
					return null;
				});
			}
			// Kill once enough batches of both kinds are acknowledged (not after a fixed
			// time: a loaded machine is slower).
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
			Thread.sleep(2_000);
			while ((logBatches.size() < 30 || predictionBatches.size() < 30) && System.nanoTime() < deadline) {
				Thread.sleep(50);
			}
			this.server.kill();
			sending.set(false);
		}
		assertThat(logBatches).hasSizeGreaterThan(5);
		assertThat(predictionBatches).hasSizeGreaterThan(5);
		System.out.println("batch crash test: " + logBatches.size() + " log batches and " + predictionBatches.size()
				+ " prediction batches acknowledged before SIGKILL");

		this.server.start();
		Map<String, Integer> storedLogs = storedLogsPerBatch(scenario);
		Map<String, Integer> storedPredictions = storedPredictionsPerBatch();

		assertThat(storedLogs).as("logs stored per batch").containsKeys(logBatches.toArray(String[]::new));
		assertThat(storedLogs.values()).as("logs stored per batch").containsOnly(BATCH);
		assertThat(storedPredictions).as("predictions stored per batch")
			.containsKeys(predictionBatches.toArray(String[]::new));
		assertThat(storedPredictions.values()).as("predictions stored per batch").containsOnly(BATCH);
		assertThat(this.server.get("/api/v1/scenarios/" + scenario).get("total_requests").asLong())
			.isEqualTo(storedLogs.size() * (long) BATCH);
	}

	private void send(HttpRequest.Builder request, String body, int acknowledged, String marker, Set<String> acked) {
		try {
			HttpResponse<String> response = this.server.send(request.POST(BodyPublishers.ofString(body)).build());
			if (response.statusCode() == acknowledged) {
				acked.add(marker);
			}
		}
		catch (IOException ex) {
			// the server is gone: nothing acknowledged this batch
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static String logs(String marker) {
		return IntStream.range(0, BATCH)
			.mapToObj((i) -> "{\"message\":\"" + marker + " line " + i + " " + "x".repeat(200) + "\",\"source\":\""
					+ marker + "\"}")
			.collect(Collectors.joining(",", "[", "]"));
	}

	private static String predictions(String marker) {
		return IntStream.range(0, BATCH)
			.mapToObj((i) -> "{\"model_name\":\"" + marker + "\",\"duration_ms\":" + i + ",\"was_successful\":true}")
			.collect(Collectors.joining(",", "[", "]"));
	}

	private Map<String, Integer> storedLogsPerBatch(String scenario) throws Exception {
		Map<String, Integer> counts = new HashMap<>();
		for (int page = 1;; page++) {
			JsonNode logs = this.server.get("/api/v1/scenarios/" + scenario + "/logs?page_size=100&page=" + page);
			logs.get("items").forEach((log) -> counts.merge(log.get("source").asString(), 1, Integer::sum));
			if (logs.get("items").size() < 100) {
				return counts;
			}
		}
	}

	private Map<String, Integer> storedPredictionsPerBatch() throws Exception {
		Map<String, Integer> counts = new HashMap<>();
		for (int offset = 0;; offset += 1000) {
			JsonNode predictions = this.server.get("/api/v1/predictions?limit=1000&offset=" + offset);
			predictions.forEach((p) -> counts.merge(p.get("model_name").asString(), 1, Integer::sum));
			if (predictions.size() < 1000) {
				return counts;
			}
		}
	}

}
