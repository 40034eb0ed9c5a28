package io.costlens.scenarios;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import io.costlens.pricing.PriceKey;

/**
 * One hour of every scenario together.
 *
 * @param start the hour
 * @param cost USD of what could be priced
 * @param requests logs
 * @param tokens tokens
 * @param unpricedRequests logs of scenarios that hour whose cost misses a price
 * @param missing each price that was needed that hour and not in force, with the logs it
 * left unpriced
 */
public record HourlyCost(Instant start, BigDecimal cost, long requests, long tokens, long unpricedRequests,
		Map<PriceKey, Long> missing) {

	HourlyCost plus(HourlyCost other) {
		Map<PriceKey, Long> both = new LinkedHashMap<>(this.missing);
		other.missing.forEach((key, logs) -> both.merge(key, logs, Long::sum));
		return new HourlyCost(this.start, this.cost.add(other.cost), this.requests + other.requests,
				this.tokens + other.tokens, this.unpricedRequests + other.unpricedRequests,
				Collections.unmodifiableMap(both));
	}

}
