package io.costlens.pricing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * What Costlens reads from one AWS Price List offer file: when AWS published it, and the
 * first-tier on-demand price of each catalog tier it found, in the file's unit.
 *
 * @param offerCode e.g. {@code AWSQueueService}
 * @param region the region the file is for
 * @param publicationDate the file's {@code publicationDate}
 * @param prices tier → price per file unit
 */
record OfferFile(String offerCode, String region, Instant publicationDate, Map<String, OfferPrice> prices) {

	/**
	 * One price as the file states it.
	 *
	 * @param usd USD per {@code unit}
	 * @param unit the file's unit, e.g. {@code Requests}, {@code Lambda-GB-Second},
	 * {@code 1K tokens}
	 */
	record OfferPrice(BigDecimal usd, String unit) {

	}

}
