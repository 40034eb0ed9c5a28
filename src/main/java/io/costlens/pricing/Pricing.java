package io.costlens.pricing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.costlens.platform.Caches;
import io.costlens.platform.Caches.Level;

/**
 * The price catalog: what each service tier costs in each region, and since when. A price
 * change closes the current row and adds a new one, so each past hour keeps the price
 * that was in force then.
 */
@Service
public class Pricing {

	/** The data set every cached price read comes from. */
	public static final String PRICES = "prices";

	private static final TypeReference<List<Price>> PRICE_LIST = new TypeReference<>() {
	};

	private static final TypeReference<List<String>> REGIONS = new TypeReference<>() {
	};

	private final PriceRepository prices;

	private final Caches caches;

	Pricing(PriceRepository prices, ObjectProvider<Caches> caches) {
		this.prices = prices;
		this.caches = caches.getIfAvailable(Caches::none);
	}

	/** Catalog rows, current ones only unless {@code includeHistory}. */
	public List<Price> list(@Nullable String service, @Nullable String region, boolean includeHistory) {
		return this.caches.get(Level.PRICE, "catalog", service + "|" + region + "|" + includeHistory, PRICE_LIST,
				() -> this.prices.find(service, region, includeHistory), PRICES);
	}

	/**
	 * The regions the catalog prices an AWS service in (SQS, Lambda or Bedrock), sorted:
	 * those a scenario's cost can be priced in, not the pseudo-region of the LLM prices.
	 */
	public List<String> awsRegions() {
		return this.caches.get(Level.PRICE, "aws-regions", "current", REGIONS, () -> {
			Set<String> services = Arrays.stream(AwsOffer.values()).map(AwsOffer::service).collect(Collectors.toSet());
			return list(null, null, false).stream()
				.filter((price) -> services.contains(price.service()))
				.map(Price::region)
				.distinct()
				.sorted()
				.toList();
		}, PRICES);
	}

	/** The price of a service tier in force at a moment, if there is one. */
	public Optional<BigDecimal> priceAt(PriceKey key, Instant moment) {
		return history(key.region(), moment, moment.plusMillis(1)).priceAt(key.service(), key.tier(), moment);
	}

	/** Every price version of a region that applies somewhere in {@code [from, to)}. */
	public PriceHistory history(String region, Instant from, Instant to) {
		List<Price> all = this.caches.get(Level.PRICE, "region", region, PRICE_LIST,
				() -> this.prices.findInRegion(region), PRICES);
		return new PriceHistory(region, all.stream().filter((price) -> price.overlaps(from, to)).toList());
	}

	/**
	 * Adds a price: the first one of its service tier in that region, or the next version
	 * of the current one, which then ends at {@code effectiveFrom} (default now). Only a
	 * current price starting at the same moment conflicts.
	 */
	@Transactional
	public Price add(NewPrice price) {
		this.caches.changed(PRICES);
		Instant now = Instant.now();
		Instant from = (price.effectiveFrom() != null) ? price.effectiveFrom() : now;
		Optional<Price> current = this.prices.findCurrent(price.key());
		if (current.isPresent()) {
			if (from.equals(current.get().effectiveFrom())) {
				throw new PriceConflict(
						"The current price for " + price.key() + " (" + current.get().id() + ") already starts at "
								+ from + ": correct it with PUT, or add one with a later effective_from");
			}
			return next(current.get(), price.pricePerUnit(), price.unit(), price.source(), from);
		}
		Price row = new Price(UUID.randomUUID(), price.key().service(), price.key().region(), price.key().tier(),
				price.pricePerUnit(), price.unit(), from, null, true, price.source(), now);
		this.prices.insert(row);
		return row;
	}

	/**
	 * Changes the current price: a new version from {@code effectiveFrom} (default now),
	 * or, when that equals the current row's start, a correction of that row.
	 */
	@Transactional
	public Price change(UUID id, PriceChange change) {
		this.caches.changed(PRICES);
		Price current = this.prices.findById(id).orElseThrow(() -> new PriceNotFound(id));
		if (!current.isActive()) {
			throw new PriceConflict("Price " + id + " was replaced on " + current.effectiveTo()
					+ " and is history: change the current price of " + keyOf(current));
		}
		Instant from = (change.effectiveFrom() != null) ? change.effectiveFrom() : Instant.now();
		BigDecimal pricePerUnit = orElse(change.pricePerUnit(), current.pricePerUnit());
		String unit = orElse(change.unit(), current.unit());
		String source = orElse(change.source(), current.source());
		if (from.equals(current.effectiveFrom())) {
			Price corrected = new Price(current.id(), current.service(), current.region(), current.tier(), pricePerUnit,
					unit, current.effectiveFrom(), null, true, source, current.createdAt());
			this.prices.update(corrected);
			return corrected;
		}
		return next(current, pricePerUnit, unit, source, from);
	}

	/** Ends the current version at {@code from} and adds the next one from then. */
	private Price next(Price current, BigDecimal pricePerUnit, String unit, String source, Instant from) {
		if (from.isBefore(current.effectiveFrom())) {
			throw new InvalidPriceChange("effective_from " + from + " is before the current price's start "
					+ current.effectiveFrom() + " for " + keyOf(current));
		}
		Price next = new Price(UUID.randomUUID(), current.service(), current.region(), current.tier(), pricePerUnit,
				unit, from, null, true, source, Instant.now());
		this.prices.close(current.id(), from);
		this.prices.insert(next);
		return next;
	}

	private static PriceKey keyOf(Price price) {
		return new PriceKey(price.service(), price.region(), price.tier());
	}

	private static <T> T orElse(@Nullable T value, T fallback) {
		return (value != null) ? value : fallback;
	}

}
