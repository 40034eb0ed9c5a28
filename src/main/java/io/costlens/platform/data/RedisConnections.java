package io.costlens.platform.data;

import io.lettuce.core.ClientOptions;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Spring's Redis connections, when Redis is configured: a command sent while the
 * connection is lost (Redis stopped or restarting) fails at once instead of waiting for
 * the reconnection up to the command timeout, so the callers' fallbacks (caches computed
 * afresh, live sessions of this instance only) answer without delay. The connection still
 * reconnects by itself once Redis is back.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = RedisSettings.ENABLED, havingValue = "true")
class RedisConnections {

	@Bean
	LettuceClientOptionsBuilderCustomizer rejectCommandsWhileDisconnected() {
		return (options) -> options.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
	}

}
