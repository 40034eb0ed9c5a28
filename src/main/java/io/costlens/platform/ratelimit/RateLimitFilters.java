package io.costlens.platform.ratelimit;

/**
 * Hands the rate-limit filter to the security set-up, which places it right after
 * authentication (a bean that is itself a filter would also run, unplaced, in the servlet
 * chain).
 *
 * @param filter the filter
 */
public record RateLimitFilters(RateLimitFilter filter) {
}
