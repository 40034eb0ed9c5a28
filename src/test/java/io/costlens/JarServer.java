package io.costlens;

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
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged jar run as a separate process, so that a test can kill it with SIGKILL and
 * start it again on the same database: an H2 file in a data folder of its own, or, in the
 * PostgreSQL build, a schema of its own on the build's server (dropped at the end). Calls
 * go over real HTTP with the first-start admin key.
 */
public final class JarServer implements AutoCloseable {

	private static final String KEY = "clk_crash-test-admin-key-0123456789abcdef";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(2))
		.build();

	private final int port = freePort();

	private final Path dataDir;

	private final String schema;

	private @Nullable Process process;

	/** A server named {@code name} (its data folder and schema), not started yet. */
	public JarServer(String name) {
		String unique = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		this.dataDir = Path.of("target", name, unique).toAbsolutePath();
		this.schema = name.replaceAll("[^a-z0-9]", "_") + "_" + unique;
	}

	/** Starts the jar and waits until it is ready. */
	public void start() throws IOException, InterruptedException {
		Files.createDirectories(this.dataDir);
		ProcessBuilder builder = new ProcessBuilder(javaBinary(), "-Xmx512m", "-jar", jar().toString())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(this.dataDir.resolve("server.log").toFile()));
		Map<String, String> env = builder.environment();
		env.put("SERVER_PORT", String.valueOf(this.port));
		env.put("COSTLENS_DATA_DIR", this.dataDir.toString());
		env.put("COSTLENS_ADMIN_API_KEY", KEY);
		env.put("COSTLENS_ADMIN_PASSWORD", "crash-test-password");
		if (onPostgres()) {
			env.put("SPRING_DATASOURCE_URL",
					System.getenv("COSTLENS_TEST_POSTGRES_URL") + "?currentSchema=" + this.schema);
			env.put("SPRING_DATASOURCE_USERNAME", System.getenv("COSTLENS_TEST_POSTGRES_USER"));
			env.put("SPRING_FLYWAY_SCHEMAS", this.schema);
		}
		Process started = builder.start();
		this.process = started;
		awaitReady(started);
	}

	/**
	 * Kills the process with SIGKILL (no shutdown hook runs) and waits until it is gone.
	 */
	public void kill() throws InterruptedException {
		Process running = this.process;
		if (running != null) {
			running.destroyForcibly().waitFor();
		}
	}

	/** A request to the server with the admin key and a JSON body type. */
	public HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.header("X-API-Key", KEY)
			.header("Content-Type", "application/json")
			.timeout(Duration.ofSeconds(30));
	}

	public HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
		return this.http.send(request, BodyHandlers.ofString());
	}

	/** The body of a GET, as JSON. */
	public JsonNode get(String path) throws IOException, InterruptedException {
		return JSON.readTree(send(request(path).GET().build()).body());
	}

	/** A response body as JSON. */
	public static JsonNode json(HttpResponse<String> response) {
		return JSON.readTree(response.body());
	}

	/** Creates a scenario and starts it, so that it takes logs; its id. */
	public String createRunningScenario() throws IOException, InterruptedException {
		HttpResponse<String> created = send(request("/api/v1/scenarios")
			.POST(BodyPublishers.ofString("{\"name\":\"crash-" + UUID.randomUUID() + "\"}"))
			.build());
		String id = json(created).get("id").asString();
		send(request("/api/v1/scenarios/" + id + "/start").POST(BodyPublishers.noBody()).build());
		return id;
	}

	@Override
	public void close() throws Exception {
		if (this.process != null) {
			this.process.destroyForcibly().waitFor();
		}
		if (onPostgres()) {
			try (Connection connection = DriverManager.getConnection(System.getenv("COSTLENS_TEST_POSTGRES_URL"),
					System.getenv("COSTLENS_TEST_POSTGRES_USER"), null);
					Statement statement = connection.createStatement()) {
				statement.execute("drop schema if exists " + this.schema + " cascade");
			}
		}
	}

	private void awaitReady(Process started) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
		while (System.nanoTime() < deadline) {
			assertThat(started.isAlive()).as("server process died, see " + this.dataDir.resolve("server.log")).isTrue();
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

	private static boolean onPostgres() {
		return "postgres".equals(System.getProperty("costlens.test.database"));
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
