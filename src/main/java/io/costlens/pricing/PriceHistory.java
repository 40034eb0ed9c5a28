package io.costlens.pricing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Every price version of one region that overlaps a time range, loaded at once so a
 * caller can price many buckets without a query per bucket.
 */
public final class PriceHistory {

	private final String region;

	private final Map<String, Map<String, List<Price>>> byServiceAndTier;

	PriceHistory(String region, List<Price> prices) {
		this.region = region;
		this.byServiceAndTier = prices.stream()
			.collect(Collectors.groupingBy(Price::service, Collectors.groupingBy(Price::tier)));
	}

	/** The price of a service tier in force at a moment, if the catalog has one. */
	public Optional<BigDecimal> priceAt(String service, String tier, Instant moment) {
		List<Price> versions = this.byServiceAndTier.getOrDefault(service, Map.of()).getOrDefault(tier, List.of());
		for (Price price : versions) {
			if (price.appliesAt(moment)) {
				return Optional.of(price.pricePerUnit());
			}
		}
		return Optional.empty();
	}

	/** The key of a service tier in this history's region, for warnings. */
	public PriceKey key(String service, String tier) {
		return new PriceKey(service, this.region, tier);
	}

}
