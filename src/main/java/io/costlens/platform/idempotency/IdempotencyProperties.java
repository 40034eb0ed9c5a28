package io.costlens.platform.idempotency;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code Idempotency-Key} settings.
 *
 * @param ttl how long a key is remembered after its first use
 * @param lease how long a request in flight holds its key against retries (409); a key
 * still held after that (its instance died) is taken over by the next retry
 * @param cleanupInterval how often expired keys are deleted
 */
@ConfigurationProperties("costlens.idempotency")
public record IdempotencyProperties(@DefaultValue("24h") Duration ttl, @DefaultValue("2m") Duration lease,
		@DefaultValue("1h") Duration cleanupInterval) {
}
