package io.costlens.platform.health;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.stereotype.Component;

/** Tells whether the configured Redis answers; says nothing when none is configured. */
@Component
class RedisProbe {

	private final @Nullable RedisConnectionFactory connections;

	RedisProbe(@Value("${costlens.redis.enabled:false}") boolean enabled,
			ObjectProvider<RedisConnectionFactory> connections) {
		this.connections = enabled ? connections.getIfAvailable() : null;
	}

	boolean isConfigured() {
		return this.connections != null;
	}

	boolean isUp() {
		if (this.connections == null) {
			return false;
		}
		try (RedisConnection connection = this.connections.getConnection()) {
			return "PONG".equalsIgnoreCase(connection.ping());
		}
		catch (Exception ex) {
			return false;
		}
	}

}
