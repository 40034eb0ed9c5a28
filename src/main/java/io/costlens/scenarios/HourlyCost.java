package io.costlens.scenarios;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
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
		List<Unpriced> missing) {

	HourlyCost plus(HourlyCost other) {
		Map<PriceKey, Long> both = new LinkedHashMap<>();
		for (HourlyCost part : List.of(this, other)) {
			part.missing.forEach((m) -> both.merge(m.price(), m.logs(), Long::sum));
		}
		return new HourlyCost(this.start, this.cost.add(other.cost), this.requests + other.requests,
				this.tokens + other.tokens, this.unpricedRequests + other.unpricedRequests, Unpriced.of(both));
	}

	/**
	 * A price an hour needed and did not have.
	 *
	 * @param price the price
	 * @param logs the logs it left unpriced
	 */
	public record Unpriced(PriceKey price, long logs) {

		static List<Unpriced> of(Map<PriceKey, Long> missing) {
			return missing.entrySet().stream().map((e) -> new Unpriced(e.getKey(), e.getValue())).toList();
		}

	}

}
