package io.costlens.pricing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AwsCostTests {

	private static final Instant HOUR = Instant.parse("2026-05-01T10:00:00Z");

	@Test
	void appliesTheSpecFormulasExactly() {
		PriceHistory prices = history(price("sqs", "standard", "0.40"), price("lambda", "x86_request", "0.20"),
				price("lambda", "x86_compute", "0.0000166667"), price("bedrock", "m_input", "0.003"),
				price("bedrock", "m_output", "0.015"));

		AwsCost cost = AwsCost.of(new AwsUsage(HOUR, 3, 2, new BigDecimal("2"), "m", 1000, new BigDecimal("500")),
				prices);

		assertThat(cost.sqs()).isEqualByComparingTo("0.0000012");
		assertThat(cost.lambda()).isEqualByComparingTo(new BigDecimal("0.0000004").add(new BigDecimal("0.0000333334")));
		assertThat(cost.bedrock()).isEqualByComparingTo("0.0105");
		assertThat(cost.missing()).isEmpty();
	}

	@Test
	void leavesOutAServiceWhosePriceIsMissingAndNamesIt() {
		PriceHistory prices = history(price("sqs", "standard", "0.40"), price("lambda", "x86_request", "0.20"),
				price("lambda", "x86_compute", "0.0000166667"));

		AwsCost cost = AwsCost.of(new AwsUsage(HOUR, 1, 1, BigDecimal.ONE, "m", 10, BigDecimal.ZERO), prices);

		assertThat(cost.bedrock()).isNull();
		assertThat(cost.missing()).containsExactly(new PriceKey("bedrock", "r", "m_input"));
		assertThat(cost.total()).isEqualByComparingTo(cost.sqs().add(cost.lambda()));
	}

	@Test
	void needsNoPriceForZeroUsage() {
		AwsCost cost = AwsCost.of(new AwsUsage(HOUR, 0, 0, BigDecimal.ZERO, "m", 0, BigDecimal.ZERO), history());

		assertThat(cost.missing()).isEmpty();
		assertThat(cost.total()).isEqualByComparingTo("0");
	}

	@Test
	void usesThePriceInForceAtTheHour() {
		Price old = new Price(UUID.randomUUID(), "sqs", "r", "standard", new BigDecimal("0.40"), "u",
				Instant.parse("2026-01-01T00:00:00Z"), HOUR, false, "s", HOUR);
		Price current = new Price(UUID.randomUUID(), "sqs", "r", "standard", new BigDecimal("0.50"), "u", HOUR, null,
				true, "s", HOUR);
		PriceHistory prices = history(old, current);

		assertThat(prices.priceAt("sqs", "standard", HOUR.minusSeconds(1))).contains(new BigDecimal("0.40"));
		assertThat(prices.priceAt("sqs", "standard", HOUR)).contains(new BigDecimal("0.50"));
		assertThat(prices.priceAt("sqs", "standard", Instant.parse("2025-01-01T00:00:00Z"))).isEmpty();
	}

	private static PriceHistory history(Price... prices) {
		return new PriceHistory("r", List.of(prices));
	}

	private static Price price(String service, String tier, String value) {
		return new Price(UUID.randomUUID(), service, "r", tier, new BigDecimal(value), "u",
				Instant.parse("2026-01-01T00:00:00Z"), null, true, "s", HOUR);
	}

}
