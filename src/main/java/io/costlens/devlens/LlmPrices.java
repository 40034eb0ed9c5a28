package io.costlens.devlens;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import io.costlens.pricing.Price;

/**
 * The catalog's LLM prices (service {@code llm}, region {@code global}, USD per 1M
 * tokens) loaded once per import, with every version, so each session is priced at the
 * rate in force at its time. A model matches by its exact id without the provider prefix
 * ({@code anthropic/claude-3-haiku} → {@code claude-3-haiku}), or failing that by the id
 * without a trailing date; never by a substring, which prices one family at another's
 * rate.
 */
final class LlmPrices {

	static final String SERVICE = "llm";

	static final String REGION = "global";

	private static final Pattern DATE_SUFFIX = Pattern.compile("-(\\d{8}|\\d{4}-\\d{2}-\\d{2})$");

	private final Map<String, List<Price>> byTier;

	LlmPrices(List<Price> prices) {
		this.byTier = prices.stream()
			.filter((p) -> SERVICE.equals(p.service()) && REGION.equals(p.region()))
			.collect(Collectors.groupingBy(Price::tier));
	}

	/**
	 * The cost of a request, or empty when the model has no input and output price then.
	 */
	Optional<BigDecimal> cost(@Nullable String model, long tokensIn, long tokensOut, Instant at) {
		if (model == null) {
			return Optional.empty();
		}
		String id = normalize(model);
		Optional<BigDecimal> cost = costOf(id, tokensIn, tokensOut, at);
		if (cost.isEmpty()) {
			String undated = DATE_SUFFIX.matcher(id).replaceFirst("");
			if (!undated.equals(id)) {
				cost = costOf(undated, tokensIn, tokensOut, at);
			}
		}
		return cost;
	}

	static String normalize(String model) {
		String id = model.strip().toLowerCase(Locale.ROOT);
		id = id.substring(id.lastIndexOf('/') + 1);
		int bracket = id.indexOf('[');
		return (bracket > 0) ? id.substring(0, bracket) : id;
	}

	private Optional<BigDecimal> costOf(String id, long tokensIn, long tokensOut, Instant at) {
		Optional<BigDecimal> input = priceAt(id + "_input", at);
		Optional<BigDecimal> output = priceAt(id + "_output", at);
		if (input.isEmpty() || output.isEmpty()) {
			return Optional.empty();
		}
		BigDecimal cost = input.get()
			.multiply(BigDecimal.valueOf(tokensIn))
			.add(output.get().multiply(BigDecimal.valueOf(tokensOut)));
		return Optional.of(cost.movePointLeft(6).setScale(12, RoundingMode.HALF_EVEN));
	}

	private Optional<BigDecimal> priceAt(String tier, Instant at) {
		for (Price price : this.byTier.getOrDefault(tier, List.of())) {
			if (price.appliesAt(at)) {
				return Optional.of(price.pricePerUnit());
			}
		}
		return Optional.empty();
	}

}
