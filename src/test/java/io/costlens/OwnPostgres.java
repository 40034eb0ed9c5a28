package io.costlens;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * A PostgreSQL server of the test's own, made with Debian's server binaries
 * ({@code initdb} into a temporary folder, {@code pg_ctl} on a free port), so a test can
 * stop and start it under load. As root the server runs as the {@code postgres} user
 * (PostgreSQL refuses root). {@link #create()} skips the test, saying so, where the
 * binaries are missing.
 */
public final class OwnPostgres implements AutoCloseable {

	private static final Path BIN = Paths
		.get(System.getenv().getOrDefault("COSTLENS_TEST_POSTGRES_BIN", "/usr/lib/postgresql/15/bin"));

	private final Path folder;

	private final Path data;

	private final int port;

	private final boolean root;

	private OwnPostgres(Path folder, int port, boolean root) {
		this.folder = folder;
		this.data = folder.resolve("data");
		this.port = port;
		this.root = root;
	}

	/** Makes and starts a server (or skips the calling test when it cannot). */
	public static OwnPostgres create() throws IOException {
		assumeThat(Files.isExecutable(BIN.resolve("initdb")) && Files.isExecutable(BIN.resolve("pg_ctl")))
			.as("needs PostgreSQL's server binaries in " + BIN + " (set COSTLENS_TEST_POSTGRES_BIN)")
			.isTrue();
		boolean root = "root".equals(System.getProperty("user.name"));
		Path folder = Files.createTempDirectory("costlens-pg");
		OwnPostgres server = new OwnPostgres(folder, freePort(), root);
		if (root) {
			server.run(List.of("chown", "postgres", folder.toString()), false);
		}
		server.run(List.of(BIN.resolve("initdb").toString(), "-D", server.data.toString(), "-U", "postgres", "-A",
				"trust", "-E", "UTF8", "--no-sync"), true);
		server.start();
		return server;
	}

	/** The JDBC URL of its {@code postgres} database. */
	public String url() {
		return "jdbc:postgresql://127.0.0.1:" + this.port + "/postgres";
	}

	/** Starts the server and waits until it accepts connections. */
	public void start() {
		run(List.of(BIN.resolve("pg_ctl").toString(), "-D", this.data.toString(), "-l",
				this.folder.resolve("server.log").toString(), "-w", "-t", "60", "-o",
				"-p " + this.port + " -c listen_addresses=127.0.0.1 -k " + this.folder + " -c fsync=off", "start"),
				true);
	}

	/**
	 * Stops the server the way an administrator would ({@code -m fast}: sessions are
	 * cut).
	 */
	public void stop() {
		run(List.of(BIN.resolve("pg_ctl").toString(), "-D", this.data.toString(), "-w", "-m", "fast", "stop"), true);
	}

	@Override
	public void close() throws IOException {
		try {
			run(List.of(BIN.resolve("pg_ctl").toString(), "-D", this.data.toString(), "-m", "immediate", "stop"), true);
		}
		catch (IllegalStateException ex) {
			// already stopped
		}
		try (Stream<Path> files = Files.walk(this.folder)) {
			files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
		}
	}

	private void run(List<String> command, boolean asPostgres) {
		List<String> full = new ArrayList<>();
		if (asPostgres && this.root) {
			full.addAll(List.of("runuser", "-u", "postgres", "--"));
		}
		full.addAll(command);
		try {
			Process process = new ProcessBuilder(full).redirectErrorStream(true)
				.redirectOutput(this.folder.resolve("commands.log").toFile())
				.start();
			if (!process.waitFor(90, TimeUnit.SECONDS) || process.exitValue() != 0) {
				process.destroyForcibly();
				throw new IllegalStateException(String.join(" ", command) + " failed: "
						+ Files.readString(this.folder.resolve("commands.log")));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
