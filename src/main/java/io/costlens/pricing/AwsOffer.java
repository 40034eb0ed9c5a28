package io.costlens.pricing;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The three AWS offers the catalog prices, and how a product of each offer file maps to a
 * catalog tier and a file unit to the catalog's unit.
 */
enum AwsOffer {

	SQS("AWSQueueService", "sqs") {
		@Override
		Optional<String> tierOf(JsonNode attributes) {
			String usageType = text(attributes, "usagetype");
			if (FIFO_REQUESTS.matcher(usageType).find()) {
				return Optional.of("fifo");
			}
			return STANDARD_REQUESTS.matcher(usageType).find() ? Optional.of("standard") : Optional.empty();
		}
	},

	LAMBDA("AWSLambda", "lambda") {
		@Override
		Optional<String> tierOf(JsonNode attributes) {
			String usageType = text(attributes, "usagetype");
			if (LAMBDA_SECONDS_ARM.matcher(usageType).find()) {
				return Optional.of("arm_compute");
			}
			if (LAMBDA_SECONDS.matcher(usageType).find()) {
				return Optional.of("x86_compute");
			}
			if (LAMBDA_REQUEST_ARM.matcher(usageType).find()) {
				return Optional.of("arm_request");
			}
			return LAMBDA_REQUEST.matcher(usageType).find() ? Optional.of("x86_request") : Optional.empty();
		}
	},

	BEDROCK("AmazonBedrock", "bedrock") {
		@Override
		Optional<String> tierOf(JsonNode attributes) {
			String feature = text(attributes, "feature");
			if (!feature.isEmpty() && !feature.equalsIgnoreCase("On-demand Inference")) {
				return Optional.empty();
			}
			String model = MODEL_SEPARATORS.matcher(text(attributes, "model").toLowerCase(Locale.ROOT))
				.replaceAll("_")
				.replaceAll("^_|_$", "");
			String inference = text(attributes, "inferenceType").toLowerCase(Locale.ROOT);
			if (model.isEmpty()) {
				return Optional.empty();
			}
			if (inference.equals("input tokens")) {
				return Optional.of(model + "_input");
			}
			return inference.equals("output tokens") ? Optional.of(model + "_output") : Optional.empty();
		}
	};

	private static final Pattern STANDARD_REQUESTS = Pattern.compile("(^|-)Requests-Tier1$");

	private static final Pattern FIFO_REQUESTS = Pattern.compile("(^|-)Requests-FIFO-Tier1$");

	private static final Pattern LAMBDA_REQUEST = Pattern.compile("(^|-)Request$");

	private static final Pattern LAMBDA_REQUEST_ARM = Pattern.compile("(^|-)Request-ARM$");

	private static final Pattern LAMBDA_SECONDS = Pattern.compile("(^|-)Lambda-GB-Second$");

	private static final Pattern LAMBDA_SECONDS_ARM = Pattern.compile("(^|-)Lambda-GB-Second-ARM$");

	private static final Pattern MODEL_SEPARATORS = Pattern.compile("[^a-z0-9]+");

	private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

	private static final BigDecimal THOUSAND = BigDecimal.valueOf(1_000);

	private final String offerCode;

	private final String service;

	AwsOffer(String offerCode, String service) {
		this.offerCode = offerCode;
		this.service = service;
	}

	String offerCode() {
		return this.offerCode;
	}

	String service() {
		return this.service;
	}

	/**
	 * The catalog tier a product of this offer prices, if it is one the catalog knows.
	 */
	abstract Optional<String> tierOf(JsonNode attributes);

	/**
	 * The file's price in the catalog's unit, when the two units are known to convert.
	 */
	static Optional<BigDecimal> inCatalogUnit(OfferFile.OfferPrice price, String catalogUnit) {
		String unit = price.unit().toLowerCase(Locale.ROOT);
		BigDecimal usd = price.usd();
		@Nullable BigDecimal converted = switch (catalogUnit) {
			case "per_million_requests" -> unit.startsWith("request") ? usd.multiply(MILLION) : null;
			case "per_gb_second" -> (unit.contains("gb-second") || unit.equals("seconds")) ? usd : null;
			case "per_1k_tokens" -> tokens(unit, usd);
			default -> null;
		};
		return Optional.ofNullable(converted).map(BigDecimal::stripTrailingZeros);
	}

	private static @Nullable BigDecimal tokens(String unit, BigDecimal usd) {
		if (!unit.contains("token")) {
			return null;
		}
		if (unit.startsWith("1k") || unit.startsWith("1,000 ") || unit.startsWith("1000 ")) {
			return usd;
		}
		if (unit.startsWith("1m") || unit.startsWith("1,000,000") || unit.startsWith("1000000")) {
			return usd.divide(THOUSAND);
		}
		return usd.multiply(THOUSAND);
	}

	private static String text(JsonNode attributes, String name) {
		JsonNode value = attributes.get(name);
		return (value != null && value.isString()) ? value.asString().trim() : "";
	}

}
