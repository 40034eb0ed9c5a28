package io.costlens.devlens;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Imported sessions on their way to {@code /ws/sessions} clients: published to every
 * instance through the {@link FanOut} (Redis pub/sub when Redis is configured, in-process
 * otherwise) and delivered to this instance's subscribers.
 */
class SessionFeed {

	private final List<Consumer<List<NewSession>>> subscribers = new CopyOnWriteArrayList<>();

	private FanOut fanOut = this::deliver;

	/** Sends sessions through Redis instead of in-process. */
	void useFanOut(FanOut fanOut) {
		this.fanOut = fanOut;
	}

	void publish(List<NewSession> sessions) {
		if (!sessions.isEmpty()) {
			this.fanOut.send(sessions);
		}
	}

	/** Hands sessions that reached this instance to its subscribers. */
	void deliver(List<NewSession> sessions) {
		this.subscribers.forEach((s) -> s.accept(sessions));
	}

	void subscribe(Consumer<List<NewSession>> subscriber) {
		this.subscribers.add(subscriber);
	}

	/** How published sessions reach every instance. */
	@FunctionalInterface
	interface FanOut {

		void send(List<NewSession> sessions);

	}

}
