package io.costlens.pricing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The AWS cost of one hour of usage, exact (no rounding), per service. A service is
 * {@code null} when a price it needs was not in force that hour; {@code missing} names
 * those prices.
 *
 * @param sqs SQS cost in USD
 * @param lambda Lambda cost in USD
 * @param bedrock Bedrock cost in USD
 * @param missing the prices that were needed and not found
 */
public record AwsCost(@Nullable BigDecimal sqs, @Nullable BigDecimal lambda, @Nullable BigDecimal bedrock,
		List<PriceKey> missing) {

	private static final int MILLION = 6;

	private static final int THOUSAND = 3;

	/**
	 * Prices usage with the prices in force at its hour (SPEC §3):
	 * <ul>
	 * <li>SQS = blocks × standard price per million / 1 000 000</li>
	 * <li>Lambda = invocations × x86 request price per million / 1 000 000 + GB-s × x86
	 * compute price per GB-s</li>
	 * <li>Bedrock = input tokens × input price per 1K / 1 000 + output tokens × output
	 * price per 1K / 1 000</li>
	 * </ul>
	 * A price is needed only when its quantity is not zero.
	 */
	public static AwsCost of(AwsUsage usage, PriceHistory prices) {
		Pricer p = new Pricer(usage, prices);
		BigDecimal sqs = p.per("sqs", "standard", BigDecimal.valueOf(usage.sqsBlocks()), MILLION);
		BigDecimal requests = p.per("lambda", "x86_request", BigDecimal.valueOf(usage.lambdaInvocations()), MILLION);
		BigDecimal compute = p.per("lambda", "x86_compute", usage.gbSeconds(), 0);
		BigDecimal input = p.per("bedrock", usage.bedrockModel() + "_input", BigDecimal.valueOf(usage.inputTokens()),
				THOUSAND);
		BigDecimal output = p.per("bedrock", usage.bedrockModel() + "_output", usage.outputTokens(), THOUSAND);
		return new AwsCost(sqs, sum(requests, compute), sum(input, output), List.copyOf(p.missing));
	}

	/** The sum of the services that could be priced. */
	public BigDecimal total() {
		BigDecimal total = BigDecimal.ZERO;
		for (BigDecimal part : new BigDecimal[] { this.sqs, this.lambda, this.bedrock }) {
			total = (part != null) ? total.add(part) : total;
		}
		return total;
	}

	private static @Nullable BigDecimal sum(@Nullable BigDecimal a, @Nullable BigDecimal b) {
		return (a != null && b != null) ? a.add(b) : null;
	}

	private static final class Pricer {

		private final AwsUsage usage;

		private final PriceHistory prices;

		private final List<PriceKey> missing = new ArrayList<>();

		Pricer(AwsUsage usage, PriceHistory prices) {
			this.usage = usage;
			this.prices = prices;
		}

		/**
		 * quantity × price / 10^perPowerOfTen, exact; {@code null} when the price is
		 * missing.
		 */
		@Nullable BigDecimal per(String service, String tier, BigDecimal quantity, int perPowerOfTen) {
			if (quantity.signum() == 0) {
				return BigDecimal.ZERO;
			}
			BigDecimal price = this.prices.priceAt(service, tier, this.usage.hour()).orElse(null);
			if (price == null) {
				this.missing.add(this.prices.key(service, tier));
				return null;
			}
			return quantity.multiply(price).movePointLeft(perPowerOfTen);
		}

	}

}
