package io.costlens.devlens;

import java.util.Arrays;
import java.util.List;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
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

	@Bean
	RedisMessageListenerContainer sessionFanOut(RedisConnectionFactory redis, StringRedisTemplate template,
			SessionFeed feed, JsonMapper json) {
		RedisMessageListenerContainer container = new RedisMessageListenerContainer();
		container.setConnectionFactory(redis);
		container.addMessageListener(
				(message, pattern) -> feed
					.deliver(Arrays.asList(json.readValue(message.getBody(), NewSession[].class))),
				new ChannelTopic(CHANNEL));
		feed.useFanOut(
				(List<NewSession> sessions) -> template.convertAndSend(CHANNEL, json.writeValueAsString(sessions)));
		return container;
	}

}
