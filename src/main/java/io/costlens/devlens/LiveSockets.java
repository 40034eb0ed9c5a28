package io.costlens.devlens;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.socket.handler.TextWebSocketHandler;

/**
 * A live stream of {@code {"type","data","timestamp"}} messages: {@code connected} on
 * open, {@code pong} for every {@code ping} (as text or {@code {"type":"ping"}}),
 * {@code error} for anything else, and whatever the stream broadcasts to every open
 * connection.
 */
class LiveSockets extends TextWebSocketHandler {

	private static final Logger log = LoggerFactory.getLogger(LiveSockets.class);

	private final String stream;

	private final JsonMapper json;

	private final Set<WebSocketSession> open = ConcurrentHashMap.newKeySet();

	LiveSockets(String stream, JsonMapper json) {
		this.stream = stream;
		this.json = json;
	}

	@Override
	public void afterConnectionEstablished(WebSocketSession session) {
		WebSocketSession safe = new ConcurrentWebSocketSessionDecorator(session, 5_000, 512 * 1024);
		this.open.add(safe);
		send(safe, "connected", Map.of("stream", this.stream));
	}

	@Override
	protected void handleTextMessage(WebSocketSession session, TextMessage message) {
		WebSocketSession safe = find(session);
		String text = message.getPayload().strip();
		if (text.equalsIgnoreCase("ping") || isPing(text)) {
			send(safe, "pong", Map.of());
		}
		else {
			send(safe, "error", Map.of("message", "only ping is understood here"));
		}
	}

	@Override
	public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
		this.open.removeIf((s) -> s.getId().equals(session.getId()));
	}

	boolean hasClients() {
		return !this.open.isEmpty();
	}

	/** Sends one message to every open connection. */
	void broadcast(String type, Object data) {
		String text = message(type, data);
		for (WebSocketSession session : this.open) {
			sendText(session, text);
		}
	}

	private WebSocketSession find(WebSocketSession session) {
		return this.open.stream().filter((s) -> s.getId().equals(session.getId())).findFirst().orElse(session);
	}

	private boolean isPing(String text) {
		try {
			JsonNode node = this.json.readTree(text);
			return node.isObject() && "ping".equals(node.path("type").asString(""));
		}
		catch (JacksonException ex) {
			return false;
		}
	}

	private void send(WebSocketSession session, String type, Object data) {
		sendText(session, message(type, data));
	}

	private String message(String type, Object data) {
		return this.json.writeValueAsString(Report.map("type", type, "data", data, "timestamp", Instant.now()));
	}

	private void sendText(WebSocketSession session, String text) {
		try {
			if (session.isOpen()) {
				session.sendMessage(new TextMessage(text));
			}
		}
		catch (IOException | IllegalStateException ex) {
			log.debug("WebSocket {}: dropping a client that cannot be sent to", this.stream, ex);
			this.open.remove(session);
		}
	}

}
