package io.costlens.pricing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The price catalog: what each service tier costs in each region, and since when. A price
 * change closes the current row and adds a new one, so each past hour keeps the price
 * that was in force then.
 */
@Service
public class Pricing {

	private final PriceRepository prices;

	Pricing(PriceRepository prices) {
		this.prices = prices;
	}

	/** Catalog rows, current ones only unless {@code includeHistory}. */
	public List<Price> list(@Nullable String service, @Nullable String region, boolean includeHistory) {
		return this.prices.find(service, region, includeHistory);
	}

	/** Whether the catalog prices anything in this region. */
	public boolean hasRegion(String region) {
		return this.prices.hasRegion(region);
	}

	/** The price of a service tier in force at a moment, if there is one. */
	public Optional<BigDecimal> priceAt(PriceKey key, Instant moment) {
		return history(key.region(), moment, moment.plusMillis(1)).priceAt(key.service(), key.tier(), moment);
	}

	/** Every price version of a region that applies somewhere in {@code [from, to)}. */
	public PriceHistory history(String region, Instant from, Instant to) {
		return new PriceHistory(region, this.prices.findOverlapping(region, from, to));
	}

	/** Adds a price for a service tier that has no current price in that region. */
	@Transactional
	public Price add(NewPrice price) {
		this.prices.findCurrent(price.key()).ifPresent((current) -> {
			throw new PriceConflict(
					"A current price for " + price.key() + " exists (" + current.id() + "): change it with PUT");
		});
		Instant now = Instant.now();
		Instant from = (price.effectiveFrom() != null) ? price.effectiveFrom() : now;
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
		Price current = this.prices.findById(id).orElseThrow(() -> new PriceNotFound(id));
		if (!current.isActive()) {
			throw new PriceConflict("Price " + id + " was replaced on " + current.effectiveTo()
					+ " and is history: change the current price of " + keyOf(current));
		}
		Instant from = (change.effectiveFrom() != null) ? change.effectiveFrom() : Instant.now();
		Price next = new Price(UUID.randomUUID(), current.service(), current.region(), current.tier(),
				orElse(change.pricePerUnit(), current.pricePerUnit()), orElse(change.unit(), current.unit()), from,
				null, true, orElse(change.source(), current.source()), Instant.now());
		if (from.equals(current.effectiveFrom())) {
			Price corrected = new Price(current.id(), next.service(), next.region(), next.tier(), next.pricePerUnit(),
					next.unit(), current.effectiveFrom(), null, true, next.source(), current.createdAt());
			this.prices.update(corrected);
			return corrected;
		}
		if (from.isBefore(current.effectiveFrom())) {
			throw new InvalidPriceChange("effective_from " + from + " is before the current price's start "
					+ current.effectiveFrom() + " for " + keyOf(current));
		}
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
