package io.costlens.devlens;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;

/**
 * With Redis configured, imported sessions are published on one Redis channel and every
 * instance hands what it receives there to its own {@code /ws/sessions} clients, so a
 * trace imported on one instance reaches the clients of all.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "costlens.redis.enabled", havingValue = "true")
class RedisSessionFanOut {

	static final String CHANNEL = "costlens:devlens:sessions";

	private static final Logger log = LoggerFactory.getLogger(RedisSessionFanOut.class);

	private static final Duration RETRY = Duration.ofSeconds(5);

	/**
	 * The subscription's container. It is started by {@link #sessionSubscription}, never
	 * on its own: starting it blocks while Redis does not answer. Messages are read
	 * tolerantly (unknown fields skipped, unlike the API's strict mapper): during a
	 * rolling upgrade a newer instance may publish sessions with fields this one does not
	 * know yet, and its clients should still get them.
	 */
	@Bean
	RedisMessageListenerContainer sessionFanOut(RedisConnectionFactory redis, StringRedisTemplate template,
			SessionFeed feed, JsonMapper json) {
		JsonMapper tolerant = json.rebuild().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
		RedisMessageListenerContainer container = new RedisMessageListenerContainer();
		container.setAutoStartup(false);
		container.setConnectionFactory(redis);
		container.addMessageListener(
				(message, pattern) -> feed
					.deliver(Arrays.asList(tolerant.readValue(message.getBody(), NewSession[].class))),
				new ChannelTopic(CHANNEL));
		feed.useFanOut(
				(List<NewSession> sessions) -> template.convertAndSend(CHANNEL, json.writeValueAsString(sessions)));
		return container;
	}

	@Bean
	Subscription sessionSubscription(@Qualifier("sessionFanOut") RedisMessageListenerContainer container) {
		return new Subscription(container);
	}

	/**
	 * Subscribes in the background whenever the application context starts, and again
	 * whenever it is restarted after a stop or a pause (as the test framework pauses
	 * cached contexts it does not use: a pause stops the container, and a restart starts
	 * only auto-startup beans, which the container is not). Retried while Redis does not
	 * answer, so an unreachable Redis never stops the service from starting.
	 */
	static final class Subscription implements SmartLifecycle {

		private final RedisMessageListenerContainer container;

		private volatile boolean running;

		private volatile @Nullable Thread subscriber;

		Subscription(RedisMessageListenerContainer container) {
			this.container = container;
		}

		@Override
		public void start() {
			this.running = true;
			this.subscriber = Thread.ofVirtual().name("devlens-redis-subscribe").start(this::subscribe);
		}

		@Override
		public void stop() {
			this.running = false;
			Thread thread = this.subscriber;
			if (thread != null) {
				thread.interrupt();
			}
			this.container.stop();
		}

		@Override
		public boolean isRunning() {
			return this.running;
		}

		private void subscribe() {
			boolean warned = false;
			while (this.running && !this.container.isRunning()) {
				try {
					this.container.start();
				}
				catch (RuntimeException ex) {
					if (!warned) {
						log.warn("Redis does not answer; /ws/sessions gets only this instance's sessions until it does "
								+ "(retrying every {} s): {}", RETRY.toSeconds(), ex.getMessage());
						warned = true;
					}
					try {
						Thread.sleep(RETRY);
					}
					catch (InterruptedException interrupted) {
						return;
					}
				}
			}
			if (!this.running) {
				// stopped while the container was starting
				this.container.stop();
			}
		}

	}

}
