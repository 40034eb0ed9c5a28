package io.costlens.scenarios;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One hour of every scenario together.
 *
 * @param start the hour
 * @param cost USD of what could be priced
 * @param requests logs
 * @param tokens tokens
 * @param unpricedRequests logs of scenarios that hour whose cost misses a price
 */
public record HourlyCost(Instant start, BigDecimal cost, long requests, long tokens, long unpricedRequests) {

	HourlyCost plus(HourlyCost other) {
		return new HourlyCost(this.start, this.cost.add(other.cost), this.requests + other.requests,
				this.tokens + other.tokens, this.unpricedRequests + other.unpricedRequests);
	}

}
