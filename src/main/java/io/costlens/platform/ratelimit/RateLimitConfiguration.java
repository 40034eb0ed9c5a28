package io.costlens.platform.ratelimit;

import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.costlens.platform.EndpointRules;
import io.costlens.platform.web.ProblemWriter;

/**
 * Keeps the buckets in memory, or in Redis when it is configured
 * ({@code costlens.redis.enabled}), so that the limits hold across instances.
 */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

	@Bean
	@ConditionalOnProperty(name = "costlens.redis.enabled", havingValue = "true")
	RedisRateLimiter redisRateLimiter(
			@Value("${spring.data.redis.url:redis://${spring.data.redis.host:localhost}:${spring.data.redis.port:6379}}") String url,
			RateLimitProperties properties) {
		return new RedisRateLimiter(url, properties.redisKeyPrefix());
	}

	@Bean
	@ConditionalOnProperty(name = "costlens.redis.enabled", havingValue = "false", matchIfMissing = true)
	LocalRateLimiter localRateLimiter(RateLimitProperties properties) {
		return new LocalRateLimiter(properties);
	}

	/**
	 * Limits on calls to remote APIs, in the same bucket store as the request limits and
	 * whether or not request limits are enabled.
	 */
	@Bean
	SharedOutboundLimits outboundLimits(RateLimiter limiter, RateLimitProperties properties) {
		RateLimiter fallback = (limiter instanceof LocalRateLimiter local) ? local : new LocalRateLimiter(properties);
		return new SharedOutboundLimits(limiter, fallback);
	}

	@Bean
	RateLimitFilters rateLimitFilters(RateLimiter limiter, RateLimitProperties properties, List<EndpointRules> rules,
			ProblemWriter problems, MeterRegistry meters) {
		List<String> unlimited = rules.stream().flatMap((r) -> r.unlimited().stream()).distinct().toList();
		return new RateLimitFilters(new RateLimitFilter(limiter, properties, unlimited, problems, meters));
	}

}
