package io.costlens.devlens;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imported sessions on their way to {@code /ws/sessions} clients: published to every
 * instance through the {@link FanOut} (Redis pub/sub when Redis is configured, in-process
 * otherwise) and delivered to this instance's subscribers.
 */
class SessionFeed {

	private static final Logger log = LoggerFactory.getLogger(SessionFeed.class);

	private final List<Consumer<List<NewSession>>> subscribers = new CopyOnWriteArrayList<>();

	private FanOut fanOut = this::deliver;

	/** Sends sessions through Redis instead of in-process. */
	void useFanOut(FanOut fanOut) {
		this.fanOut = fanOut;
	}

	/**
	 * Publishes committed sessions; live delivery is best effort, so a failure (Redis
	 * down) is logged and never fails the import that stored them.
	 */
	void publish(List<NewSession> sessions) {
		if (sessions.isEmpty()) {
			return;
		}
		try {
			this.fanOut.send(sessions);
		}
		catch (RuntimeException ex) {
			log.warn("Could not publish {} imported sessions to /ws/sessions: {}", sessions.size(), ex.getMessage());
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
