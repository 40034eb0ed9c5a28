package io.costlens.devlens;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
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
	 * The subscription; started once the application is ready and retried while Redis
	 * does not answer, so an unreachable Redis never stops the service from starting.
	 */
	@Bean
	RedisMessageListenerContainer sessionFanOut(RedisConnectionFactory redis, StringRedisTemplate template,
			SessionFeed feed, JsonMapper json) {
		RedisMessageListenerContainer container = new RedisMessageListenerContainer();
		container.setAutoStartup(false);
		container.setConnectionFactory(redis);
		container.addMessageListener(
				(message, pattern) -> feed
					.deliver(Arrays.asList(json.readValue(message.getBody(), NewSession[].class))),
				new ChannelTopic(CHANNEL));
		feed.useFanOut(
				(List<NewSession> sessions) -> template.convertAndSend(CHANNEL, json.writeValueAsString(sessions)));
		return container;
	}

	@Bean
	ApplicationListener<ApplicationReadyEvent> sessionFanOutStarter(
			@Qualifier("sessionFanOut") RedisMessageListenerContainer container) {
		return (event) -> Thread.ofVirtual()
			.name("devlens-redis-subscribe")
			.start(() -> subscribe(container, event.getApplicationContext()));
	}

	private static void subscribe(RedisMessageListenerContainer container, ConfigurableApplicationContext context) {
		boolean warned = false;
		while (context.isActive() && !container.isRunning()) {
			try {
				container.start();
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
	}

}
