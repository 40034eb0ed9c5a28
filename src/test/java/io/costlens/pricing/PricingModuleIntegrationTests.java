package io.costlens.pricing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;

import io.costlens.platform.Conflict;
import io.costlens.platform.InvalidRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The pricing module on its own (no other module's beans) with its database: the price in
 * force at a moment, across changes and corrections.
 */
@ApplicationModuleTest
class PricingModuleIntegrationTests {

	private static final Instant JANUARY = Instant.parse("2026-01-01T00:00:00Z");

	private static final Instant JUNE = Instant.parse("2026-06-01T00:00:00Z");

	@Autowired
	Pricing pricing;

	@Test
	void pricesEachMomentWithThePriceInForceThen() {
		PriceKey key = newKey();
		Price first = this.pricing.add(new NewPrice(key, new BigDecimal("0.40"), "per_million_requests", JANUARY, "a"));

		this.pricing.change(first.id(), new PriceChange(new BigDecimal("0.45"), null, null, JUNE));

		assertThat(this.pricing.priceAt(key, JANUARY.minusMillis(1))).isEmpty();
		assertThat(this.pricing.priceAt(key, JANUARY)).contains(new BigDecimal("0.4"));
		assertThat(this.pricing.priceAt(key, JUNE.minusMillis(1))).contains(new BigDecimal("0.4"));
		assertThat(this.pricing.priceAt(key, JUNE)).contains(new BigDecimal("0.45"));
		assertThat(this.pricing.list("sqs", key.region(), true)).extracting(Price::isActive)
			.containsExactly(false, true);
	}

	@Test
	void correctsThePriceInPlaceWhenTheChangeStartsWithIt() {
		PriceKey key = newKey();
		Price first = this.pricing.add(new NewPrice(key, new BigDecimal("0.40"), "per_million_requests", JANUARY, "a"));

		Price corrected = this.pricing.change(first.id(),
				new PriceChange(new BigDecimal("0.41"), null, "corrected", JANUARY));

		assertThat(corrected.id()).isEqualTo(first.id());
		assertThat(this.pricing.priceAt(key, JUNE)).contains(new BigDecimal("0.41"));
		assertThat(this.pricing.list("sqs", key.region(), true)).hasSize(1);
	}

	@Test
	void refusesAChangeBeforeTheCurrentStartAndAChangeToHistory() {
		PriceKey key = newKey();
		Price first = this.pricing.add(new NewPrice(key, new BigDecimal("0.40"), "per_million_requests", JUNE, "a"));

		assertThatExceptionOfType(InvalidRequest.class)
			.isThrownBy(() -> this.pricing.change(first.id(), new PriceChange(BigDecimal.ONE, null, null, JANUARY)))
			.withMessageContaining("before the current price's start");
		this.pricing.change(first.id(), new PriceChange(BigDecimal.TWO, null, null, JUNE.plusSeconds(60)));
		assertThatExceptionOfType(Conflict.class)
			.isThrownBy(() -> this.pricing.change(first.id(), new PriceChange(BigDecimal.TEN, null, null, null)))
			.withMessageContaining("is history");
	}

	private static PriceKey newKey() {
		return new PriceKey("sqs", "module-" + UUID.randomUUID().toString().substring(0, 8), "standard");
	}

}
