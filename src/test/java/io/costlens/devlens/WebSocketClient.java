package io.costlens.devlens;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real WebSocket client (the JDK's) over real HTTP, collecting the messages it gets.
 */
final class WebSocketClient implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final BlockingQueue<String> messages = new LinkedBlockingQueue<>();

	private final WebSocket socket;

	private WebSocketClient(URI uri, String header, String value) {
		WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder();
		if (header != null) {
			builder.header(header, value);
		}
		this.socket = builder.connectTimeout(Duration.ofSeconds(10)).buildAsync(uri, new Collector()).join();
	}

	static WebSocketClient connect(URI uri, String header, String value) {
		return new WebSocketClient(uri, header, value);
	}

	/** The HTTP status a refused handshake got. */
	static int refusedStatus(URI uri) {
		try {
			new WebSocketClient(uri, null, null).close();
			return 101;
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof WebSocketHandshakeException refused) {
				return refused.getResponse().statusCode();
			}
			throw ex;
		}
	}

	/** The next message of this type, skipping others; fails after the timeout. */
	JsonNode next(String type, Duration timeout) throws InterruptedException {
		JsonNode message = poll(type, timeout);
		if (message == null) {
			throw new AssertionError("No '" + type + "' message within " + timeout);
		}
		return message;
	}

	/**
	 * The next message of this type, skipping others, or {@code null} after the timeout.
	 */
	JsonNode poll(String type, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			String text = this.messages.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
			if (text == null) {
				break;
			}
			JsonNode message = JSON.readTree(text);
			if (message.get("type").asString().equals(type)) {
				return message;
			}
		}
		return null;
	}

	void send(String text) {
		this.socket.sendText(text, true).join();
	}

	@Override
	public void close() {
		this.socket.abort();
	}

	private final class Collector implements WebSocket.Listener {

		private final StringBuilder partial = new StringBuilder();

		@Override
		public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
			this.partial.append(data);
			if (last) {
				WebSocketClient.this.messages.add(this.partial.toString());
				this.partial.setLength(0);
			}
			webSocket.request(1);
			return null;
		}

	}

}
