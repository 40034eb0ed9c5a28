package io.costlens.scenarios;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the packaged jar as a separate process, ingests from many clients, kills it with
 * SIGKILL mid-stream, restarts it, and checks that every message that got a 202 is
 * stored. On H2 (own data folder) or, in the PostgreSQL run, on a schema of its own.
 */
class IngestCrashIntegrationTests {

	private static final String KEY = "clk_crash-test-admin-key-0123456789abcdef";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(2))
		.build();

	private final int port = freePort();

	private final Path dataDir = Path.of("target", "crash-test", UUID.randomUUID().toString()).toAbsolutePath();

	private final String schema = "crash_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

	private Process server;

	@AfterEach
	void stopServer() {
		if (this.server != null) {
			this.server.destroyForcibly();
		}
	}

	@Test
	void keepsEveryAcknowledgedLogAcrossAKill() throws Exception {
		this.server = start();
		String scenario = createRunningScenario();
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
			this.server.destroyForcibly().waitFor();
			ingesting.set(false);
		}
		assertThat(acked).hasSizeGreaterThan(50);
		System.out.println("crash test: " + acked.size() + " messages acknowledged before SIGKILL");

		this.server = start();
		Set<String> stored = storedHashes(scenario);

		assertThat(stored).containsAll(acked.keySet());
		JsonNode scenarioNow = get("/api/v1/scenarios/" + scenario);
		assertThat(scenarioNow.get("total_requests").asLong()).isEqualTo(stored.size());
		assertThat(get("/api/v1/scenarios/" + scenario + "/metrics").get("summary").get("total_requests").asLong())
			.isEqualTo(stored.size());
	}

	private void ingestUntilStopped(String scenario, int client, AtomicBoolean ingesting, Map<String, Boolean> acked) {
		for (int i = 0; ingesting.get(); i++) {
			String message = "crash client " + client + " message " + i + " mail someone" + i + "@example.com "
					+ "x".repeat(300);
			try {
				HttpResponse<String> response = this.http.send(request("/ingest").header("X-Scenario-ID", scenario)
					.POST(BodyPublishers.ofString("{\"message\":\"" + message + "\"}"))
					.build(), BodyHandlers.ofString());
				if (response.statusCode() == 202) {
					acked.put(JSON.readTree(response.body()).get("message_hash").asString(), true);
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
			JsonNode logs = get("/api/v1/scenarios/" + scenario + "/logs?page_size=100&page=" + page);
			logs.get("items").forEach((log) -> hashes.add(log.get("message_hash").asString()));
			if (logs.get("items").size() < 100) {
				return hashes;
			}
		}
	}

	private String createRunningScenario() throws Exception {
		HttpResponse<String> created = this.http.send(request("/api/v1/scenarios")
			.POST(BodyPublishers.ofString("{\"name\":\"crash-" + UUID.randomUUID() + "\"}"))
			.build(), BodyHandlers.ofString());
		String id = JSON.readTree(created.body()).get("id").asString();
		this.http.send(request("/api/v1/scenarios/" + id + "/start").POST(BodyPublishers.noBody()).build(),
				BodyHandlers.ofString());
		return id;
	}

	private JsonNode get(String path) throws Exception {
		return JSON.readTree(this.http.send(request(path).GET().build(), BodyHandlers.ofString()).body());
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.header("X-API-Key", KEY)
			.header("Content-Type", "application/json")
			.timeout(Duration.ofSeconds(30));
	}

	private Process start() throws Exception {
		ProcessBuilder builder = new ProcessBuilder(javaBinary(), "-Xmx512m", "-jar", jar().toString())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(this.dataDir.resolve("server.log").toFile()));
		Files.createDirectories(this.dataDir);
		Map<String, String> env = builder.environment();
		env.put("SERVER_PORT", String.valueOf(this.port));
		env.put("COSTLENS_DATA_DIR", this.dataDir.toString());
		env.put("COSTLENS_ADMIN_API_KEY", KEY);
		env.put("COSTLENS_ADMIN_PASSWORD", "crash-test-password");
		if ("postgres".equals(System.getProperty("costlens.test.database"))) {
			env.put("SPRING_DATASOURCE_URL",
					System.getenv("COSTLENS_TEST_POSTGRES_URL") + "?currentSchema=" + this.schema);
			env.put("SPRING_DATASOURCE_USERNAME", System.getenv("COSTLENS_TEST_POSTGRES_USER"));
			env.put("SPRING_FLYWAY_SCHEMAS", this.schema);
		}
		Process process = builder.start();
		awaitHealthy(process);
		return process;
	}

	private void awaitHealthy(Process process) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
		while (System.nanoTime() < deadline) {
			assertThat(process.isAlive()).as("server process died, see " + this.dataDir.resolve("server.log")).isTrue();
			try {
				if (this.http.send(request("/ready").GET().build(), BodyHandlers.discarding()).statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(250);
		}
		throw new AssertionError("server did not become ready, see " + this.dataDir.resolve("server.log"));
	}

	private static Path jar() throws IOException {
		try (var files = Files.list(Path.of("target"))) {
			List<Path> jars = files.filter((p) -> p.getFileName().toString().matches("costlens-.*\\.jar"))
				.filter((p) -> !p.getFileName().toString().endsWith("-plain.jar"))
				.toList();
			assertThat(jars).as("the packaged jar (failsafe runs after package)").hasSize(1);
			return jars.get(0);
		}
	}

	private static String javaBinary() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
