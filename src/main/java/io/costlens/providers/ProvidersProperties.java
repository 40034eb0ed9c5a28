package io.costlens.providers;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of provider keys and the usage sync.
 *
 * @param encryptionKey the keyset that encrypts stored provider keys: base64 AES-256 keys
 * (32 random bytes each), comma-separated, the first one primary; older keys listed after
 * it still decrypt. Without it one key is generated once into the data folder; the
 * {@code prod} profile requires it
 * @param activityDays how many completed UTC days a sync of a management key fetches
 * (1–30; OpenRouter keeps 30)
 * @param usageStatsRetentionDays usage rows older than this many days are deleted by the
 * weekly clean-up
 * @param openrouter the OpenRouter client
 * @param schedules when the jobs run
 */
@Validated
@ConfigurationProperties("costlens.providers")
record ProvidersProperties(@Nullable String encryptionKey, @DefaultValue("7") @Min(1) @Max(30) int activityDays,
		@DefaultValue("365") @Min(1) int usageStatsRetentionDays, @DefaultValue @Valid OpenRouter openrouter,
		@DefaultValue Schedules schedules) {

	/**
	 * When each job runs: cron expressions in UTC with Spring's six fields, seconds
	 * first; {@code -} switches a job off. Each run happens once, on one instance.
	 *
	 * @param syncUsageStats {@code sync_usage_stats}: every active key's usage (hourly)
	 * @param validateApiKeys {@code validate_api_keys}: every active key against
	 * {@code /key} (daily, 02:00)
	 * @param cleanupOldUsageStats {@code cleanup_old_usage_stats}: usage past retention
	 * (Sundays, 03:00)
	 * @param reencryptProviderKeys {@code reencrypt_provider_keys}: stored keys not yet
	 * under the primary key of the keyset (daily, 04:00)
	 */
	record Schedules(@DefaultValue("0 0 * * * *") String syncUsageStats,
			@DefaultValue("0 0 2 * * *") String validateApiKeys,
			@DefaultValue("0 0 3 * * SUN") String cleanupOldUsageStats,
			@DefaultValue("0 0 4 * * *") String reencryptProviderKeys) {

	}

	/**
	 * How Costlens calls OpenRouter.
	 *
	 * @param baseUrl the API's base URL
	 * @param connectTimeout the longest wait for a connection
	 * @param readTimeout the longest wait for a whole response
	 * @param requestsPerMinute calls a minute across all jobs and instances (also the
	 * largest burst)
	 * @param rateLimitWait the longest a call waits for its turn under that limit
	 * @param maxAttempts tries per call, counting the first; 429, 5xx and connection
	 * errors are retried
	 * @param initialBackoff the wait before the first retry, doubled for each further
	 * one, with jitter
	 * @param maxBackoff the longest wait between two tries
	 * @param maxRetryAfter the longest {@code Retry-After} honoured; a longer one ends
	 * the call (the next run tries again)
	 * @param maxResponseSize the largest response body read; a larger one is an error
	 * @param usagePath a path under the base URL serving the original service's
	 * {@code GET /usage?start_date&end_date} (rows of date, model, requests_count,
	 * tokens_input, tokens_output, cost), for proxies that offer it; when set, ordinary
	 * keys sync from it instead of {@code /key}. OpenRouter itself has no such path
	 */
	record OpenRouter(@DefaultValue("https://openrouter.ai/api/v1") String baseUrl,
			@DefaultValue("5s") Duration connectTimeout, @DefaultValue("30s") Duration readTimeout,
			@DefaultValue("20") @Min(1) int requestsPerMinute, @DefaultValue("5m") Duration rateLimitWait,
			@DefaultValue("4") @Min(1) @Max(10) int maxAttempts, @DefaultValue("1s") Duration initialBackoff,
			@DefaultValue("30s") Duration maxBackoff, @DefaultValue("60s") Duration maxRetryAfter,
			@DefaultValue("4MB") DataSize maxResponseSize, @Nullable String usagePath) {

	}

}
