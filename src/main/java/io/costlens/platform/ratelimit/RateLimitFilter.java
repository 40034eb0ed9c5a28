package io.costlens.platform.ratelimit;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import io.github.bucket4j.ConsumptionProbe;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.util.AntPathMatcher;

import io.costlens.platform.CurrentUser;
import io.costlens.platform.TooManyRequests;
import io.costlens.platform.ratelimit.RateLimitProperties.TierLimit;
import io.costlens.platform.web.ProblemWriter;
import io.costlens.platform.web.RequestFilter;

/**
 * Limits requests per API key (per user for tokens, per client IP for anonymous callers)
 * by the caller's tier, runs after authentication, and answers 429 with
 * {@code Retry-After} once the bucket is empty. Every limited response carries
 * {@code X-RateLimit-Limit}, {@code X-RateLimit-Remaining} and {@code X-RateLimit-Reset}.
 * If the bucket store fails (Redis down), the request goes through and a warning is
 * logged (once an outage, and again once the store answers). Each 429 counts in
 * {@code costlens.ratelimit.rejected} (by tier, and whether the caller was anonymous).
 */
public class RateLimitFilter extends RequestFilter {

	private static final Logger log = LoggerFactory.getLogger(RateLimitFilter.class);

	private static final AntPathMatcher PATHS = new AntPathMatcher();

	private final RateLimiter limiter;

	private final RateLimitProperties properties;

	private final List<String> exempt;

	/**
	 * The exempt paths without wildcards: most probes hit one, and a set answers them at
	 * once.
	 */
	private final Set<String> exemptExactly;

	private final ProblemWriter problems;

	private final MeterRegistry meters;

	private final AtomicBoolean storeDown = new AtomicBoolean();

	RateLimitFilter(RateLimiter limiter, RateLimitProperties properties, List<String> unlimited, ProblemWriter problems,
			MeterRegistry meters) {
		this.meters = meters;
		this.limiter = limiter;
		this.properties = properties;
		this.exempt = List.copyOf(unlimited);
		this.exemptExactly = unlimited.stream()
			.filter((pattern) -> !PATHS.isPattern(pattern))
			.collect(Collectors.toSet());
		this.problems = problems;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI();
		if (this.exemptExactly.contains(path)) {
			return true;
		}
		for (String pattern : this.exempt) {
			if (PATHS.match(pattern, path)) {
				return true;
			}
		}
		return !this.properties.enabled();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		CurrentUser caller = CurrentUser.current().orElse(null);
		String tier = (caller != null) ? caller.tier() : "free";
		TierLimit limit = this.properties.limitOf(tier);
		if (limit == null) {
			chain.doFilter(request, response);
			return;
		}
		ConsumptionProbe probe;
		try {
			probe = this.limiter.consume(keyOf(caller, request), limit);
		}
		catch (RuntimeException ex) {
			if (this.storeDown.compareAndSet(false, true)) {
				log.warn("Rate limits are not enforced until the bucket store answers again: it failed ({})",
						ex.toString());
			}
			chain.doFilter(request, response);
			return;
		}
		if (this.storeDown.compareAndSet(true, false)) {
			log.info("The bucket store answers again: rate limits are enforced again");
		}
		long now = Instant.now().getEpochSecond();
		response.setHeader("X-RateLimit-Limit", String.valueOf(limit.perMinute()));
		response.setHeader("X-RateLimit-Remaining", String.valueOf(probe.getRemainingTokens()));
		response.setHeader("X-RateLimit-Reset", String.valueOf(now + seconds(probe.getNanosToWaitForReset())));
		if (!probe.isConsumed()) {
			Counter.builder("costlens.ratelimit.rejected")
				.description("Requests answered 429 because the caller's bucket was empty")
				.tag("tier", tier)
				.tag("caller", (caller == null) ? "anonymous" : "authenticated")
				.register(this.meters)
				.increment();
			long retryAfter = Math.max(1, seconds(probe.getNanosToWaitForRefill()));
			this.problems.write(request, response, new TooManyRequests(
					"Rate limit of " + limit.perMinute() + " requests a minute (burst " + limit.burst() + ") exceeded",
					retryAfter));
			return;
		}
		chain.doFilter(request, response);
	}

	private static String keyOf(CurrentUser caller, HttpServletRequest request) {
		if (caller == null) {
			return "ip:" + request.getRemoteAddr();
		}
		return (caller.apiKeyId() != null) ? "key:" + caller.apiKeyId() : "user:" + caller.userId();
	}

	private static long seconds(long nanos) {
		return (nanos + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1);
	}

}
