package io.costlens.pricing;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

import io.costlens.pricing.OfferFile.OfferPrice;

/**
 * Reads AWS Price List bulk offer files
 * ({@code <base>/offers/v1.0/aws/<offer>/current/<region>/index.json}). The files run to
 * many megabytes, so they are read as a stream: one product or one term at a time.
 */
@Component
class AwsPriceList {

	/** Reads one product or term at a time from the open stream: more follows each. */
	private final JsonMapper json = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.build();

	private final HttpClient http;

	private final PricingProperties properties;

	AwsPriceList(PricingProperties properties) {
		this.properties = properties;
		this.http = HttpClient.newBuilder()
			.connectTimeout(Duration.ofSeconds(10))
			.followRedirects(HttpClient.Redirect.NORMAL)
			.build();
	}

	/** The file's location for an offer and region. */
	URI uriOf(AwsOffer offer, String region) {
		String base = this.properties.refreshBaseUrl().toString().replaceAll("/+$", "");
		return URI.create(base + "/offers/v1.0/aws/" + offer.offerCode() + "/current/" + region + "/index.json");
	}

	/** Downloads and reads one offer file. */
	OfferFile read(AwsOffer offer, String region) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(uriOf(offer, region))
			.timeout(this.properties.refreshTimeout())
			.header("Accept", "application/json")
			.GET()
			.build();
		HttpResponse<InputStream> response = this.http.send(request, HttpResponse.BodyHandlers.ofInputStream());
		try (InputStream body = response.body()) {
			if (response.statusCode() != 200) {
				throw new IOException("HTTP " + response.statusCode() + " from " + request.uri());
			}
			return parse(offer, region, body);
		}
	}

	OfferFile parse(AwsOffer offer, String region, InputStream body) throws IOException {
		Instant published = null;
		Map<String, String> tiersBySku = new HashMap<>();
		Map<String, OfferPrice> prices = new LinkedHashMap<>();
		try (JsonParser parser = this.json.createParser(body)) {
			expect(parser.nextToken(), JsonToken.START_OBJECT);
			while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
				String field = parser.currentName();
				parser.nextToken();
				switch (field) {
					case "publicationDate" -> published = Instant.parse(parser.getString());
					case "products" -> readProducts(parser, offer, region, tiersBySku);
					case "terms" -> readTerms(parser, tiersBySku, prices);
					default -> parser.skipChildren();
				}
			}
		}
		if (published == null) {
			throw new IOException("The " + offer.offerCode() + " file for " + region + " has no publicationDate");
		}
		return new OfferFile(offer.offerCode(), region, published, prices);
	}

	private void readProducts(JsonParser parser, AwsOffer offer, String region, Map<String, String> tiersBySku)
			throws IOException {
		expect(parser.currentToken(), JsonToken.START_OBJECT);
		while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
			String sku = parser.currentName();
			parser.nextToken();
			JsonNode attributes = this.json.readTree(parser).path("attributes");
			String regionCode = attributes.path("regionCode").asString("");
			if (!regionCode.isEmpty() && !regionCode.equals(region)) {
				continue;
			}
			offer.tierOf(attributes).ifPresent((tier) -> tiersBySku.put(sku, tier));
		}
	}

	private void readTerms(JsonParser parser, Map<String, String> tiersBySku, Map<String, OfferPrice> prices)
			throws IOException {
		expect(parser.currentToken(), JsonToken.START_OBJECT);
		while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
			String termType = parser.currentName();
			parser.nextToken();
			if (!termType.equals("OnDemand")) {
				parser.skipChildren();
				continue;
			}
			while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
				String sku = parser.currentName();
				parser.nextToken();
				String tier = tiersBySku.get(sku);
				if (tier == null) {
					parser.skipChildren();
					continue;
				}
				OfferPrice price = firstTier(this.json.readTree(parser));
				if (price != null) {
					prices.putIfAbsent(tier, price);
				}
			}
		}
	}

	/** The on-demand price of the first usage tier (the one starting at 0). */
	private static @Nullable OfferPrice firstTier(JsonNode terms) {
		for (JsonNode term : terms) {
			for (JsonNode dimension : term.path("priceDimensions")) {
				String begin = dimension.path("beginRange").asString("0");
				String usd = dimension.path("pricePerUnit").path("USD").asString("");
				if (new BigDecimal(begin).signum() == 0 && !usd.isEmpty()) {
					return new OfferPrice(new BigDecimal(usd), dimension.path("unit").asString(""));
				}
			}
		}
		return null;
	}

	private static void expect(@Nullable JsonToken actual, JsonToken expected) throws IOException {
		if (actual != expected) {
			throw new IOException("Not an AWS offer file: expected " + expected + " but found " + actual);
		}
	}

}
