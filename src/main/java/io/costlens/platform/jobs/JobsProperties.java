package io.costlens.platform.jobs;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How background jobs are retried and bounded. The engine's own settings (threads,
 * polling) are db-scheduler's {@code db-scheduler.*} properties.
 *
 * @param maxRetries how often a failed one-off job is retried before it is given up and
 * marked failed
 * @param retryBackoff the wait before the first retry; each further retry waits
 * {@code retryMultiplier} times longer
 * @param retryMultiplier the growth of the wait between retries
 * @param maxRunTime how long one run may take; a longer one is abandoned (interrupted)
 * and counted as a failure
 */
@ConfigurationProperties("costlens.jobs")
public record JobsProperties(@DefaultValue("5") int maxRetries, @DefaultValue("30s") Duration retryBackoff,
		@DefaultValue("2.0") double retryMultiplier, @DefaultValue("5m") Duration maxRunTime) {

}
