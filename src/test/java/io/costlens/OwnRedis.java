package io.costlens;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * A Redis server of the test's own ({@code redis-server} on a free port, its data in a
 * temporary folder, appending every write to its log so that a restart keeps the data),
 * so a test can stop and start it under load. {@link #create()} skips the test, saying
 * so, where {@code redis-server} is missing.
 */
public final class OwnRedis implements AutoCloseable {

	private static final Path SERVER = Path
		.of(System.getenv().getOrDefault("COSTLENS_TEST_REDIS_SERVER", "/usr/bin/redis-server"));

	private final Path folder;

	private final int port;

	private @Nullable Process process;

	private OwnRedis(Path folder, int port) {
		this.folder = folder;
		this.port = port;
	}

	/** Makes and starts a server (or skips the calling test when it cannot). */
	public static OwnRedis create() throws IOException {
		assumeThat(Files.isExecutable(SERVER))
			.as("needs redis-server at " + SERVER + " (set COSTLENS_TEST_REDIS_SERVER)")
			.isTrue();
		OwnRedis server = new OwnRedis(Files.createTempDirectory("costlens-redis"), freePort());
		server.start();
		return server;
	}

	/** Its URL, for {@code costlens.redis.url}. */
	public String url() {
		return "redis://127.0.0.1:" + this.port;
	}

	/** Starts the server and waits until it answers {@code PING}. */
	public void start() {
		try {
			this.process = new ProcessBuilder(List.of(SERVER.toString(), "--port", String.valueOf(this.port), "--bind",
					"127.0.0.1", "--dir", this.folder.toString(), "--save", "", "--appendonly", "yes", "--appendfsync",
					"always", "--daemonize", "no"))
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(this.folder.resolve("server.log").toFile()))
				.start();
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
			while (!answers()) {
				if (!this.process.isAlive() || System.nanoTime() > deadline) {
					throw new IllegalStateException(
							"redis-server did not start: " + Files.readString(this.folder.resolve("server.log")));
				}
				Thread.sleep(50);
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

	/**
	 * Stops the server the way an administrator would (SIGTERM: it writes its data and
	 * closes every connection) and waits until it has exited.
	 */
	public void stop() {
		Process running = this.process;
		if (running == null) {
			return;
		}
		running.destroy();
		try {
			if (!running.waitFor(30, TimeUnit.SECONDS)) {
				running.destroyForcibly().waitFor();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		this.process = null;
	}

	@Override
	public void close() throws IOException {
		if (this.process != null) {
			this.process.destroyForcibly();
			try {
				this.process.waitFor(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		try (Stream<Path> files = Files.walk(this.folder)) {
			files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
		}
	}

	private boolean answers() {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", this.port), 500);
			socket.setSoTimeout(500);
			OutputStream out = socket.getOutputStream();
			out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			byte[] reply = in.readNBytes(7);
			return "+PONG\r\n".equals(new String(reply, StandardCharsets.US_ASCII));
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
