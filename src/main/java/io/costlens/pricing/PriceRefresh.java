package io.costlens.pricing;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.costlens.platform.Jobs;

/**
 * Refreshes the catalog's AWS prices daily from the public Price List bulk files (SQS,
 * Lambda, Bedrock) for every region the catalog prices. Only tiers the catalog already
 * has are compared; where a file's first-tier on-demand price differs from the current
 * one, a new version starts at the file's publication date, with the file as its source.
 * A file that cannot be read is logged and skipped; the next run tries again.
 */
@Configuration(proxyBeanMethods = false)
class PriceRefresh {

	private static final Logger log = LoggerFactory.getLogger(PriceRefresh.class);

	private final Pricing catalog;

	private final AwsPriceList priceList;

	private final PricingProperties properties;

	PriceRefresh(Pricing catalog, AwsPriceList priceList, PricingProperties properties) {
		this.catalog = catalog;
		this.priceList = priceList;
		this.properties = properties;
	}

	@Bean
	RecurringTask<Void> refreshAwsPrices(Jobs jobs) {
		return jobs.recurring("pricing-refresh-aws", this.properties.refreshInterval(), this::refresh);
	}

	/** One refresh of every offer file of every catalog region. */
	Map<String, ?> refresh() throws IOException, InterruptedException {
		if (!this.properties.refreshEnabled()) {
			return Map.of("skipped", "costlens.pricing.refresh-enabled is false");
		}
		Tally tally = new Tally();
		TreeSet<String> regions = this.catalog.list(null, null, false)
			.stream()
			.map(Price::region)
			.collect(Collectors.toCollection(TreeSet::new));
		for (String region : regions) {
			for (AwsOffer offer : AwsOffer.values()) {
				refresh(offer, region, tally);
			}
		}
		if (tally.read == 0 && tally.unreadable > 0) {
			throw new IOException("No AWS Price List file could be read (" + tally.unreadable + " tried, e.g. "
					+ this.priceList.uriOf(AwsOffer.SQS, regions.first()) + "): " + tally.lastError);
		}
		return tally.counts();
	}

	private void refresh(AwsOffer offer, String region, Tally tally) throws InterruptedException {
		OfferFile file;
		try {
			file = this.priceList.read(offer, region);
			tally.read++;
		}
		catch (IOException | RuntimeException ex) {
			log.warn("AWS price file {} could not be read: {}", this.priceList.uriOf(offer, region), ex.getMessage());
			tally.unreadable++;
			tally.lastError = ex.getMessage();
			return;
		}
		Map<String, Price> current = this.catalog.list(offer.service(), region, false)
			.stream()
			.collect(Collectors.toMap(Price::tier, Function.identity(), (a, b) -> a));
		file.prices().forEach((tier, offered) -> {
			Price price = current.get(tier);
			if (price != null) {
				apply(file, price, offered, tally);
			}
		});
	}

	private void apply(OfferFile file, Price current, OfferFile.OfferPrice offered, Tally tally) {
		Optional<BigDecimal> converted = AwsOffer.inCatalogUnit(offered, current.unit());
		if (converted.isEmpty()) {
			log.warn("AWS price for {}/{}/{} is per '{}', which does not convert to {}: left as it is",
					current.service(), current.region(), current.tier(), offered.unit(), current.unit());
			tally.skipped++;
			return;
		}
		if (converted.get().compareTo(current.pricePerUnit()) == 0) {
			tally.unchanged++;
			return;
		}
		if (!file.publicationDate().isAfter(current.effectiveFrom())) {
			log.info("AWS price file of {} for {} ({}) is not newer than the current {}/{} price: left as it is",
					file.offerCode(), file.region(), file.publicationDate(), current.service(), current.tier());
			tally.skipped++;
			return;
		}
		String source = "AWS Price List " + file.offerCode() + " " + file.region() + ", published "
				+ file.publicationDate();
		this.catalog.change(current.id(), new PriceChange(converted.get(), null, source, file.publicationDate()));
		log.info("Price {}/{}/{} changed from {} to {} {} as of {} (AWS Price List)", current.service(),
				current.region(), current.tier(), current.pricePerUnit().stripTrailingZeros().toPlainString(),
				converted.get().toPlainString(), current.unit(), file.publicationDate());
		tally.changed++;
	}

	/** What one refresh did. */
	private static final class Tally {

		int read;

		int unreadable;

		int changed;

		int unchanged;

		int skipped;

		String lastError = "";

		Map<String, ?> counts() {
			Map<String, Integer> counts = new LinkedHashMap<>();
			counts.put("files_read", this.read);
			counts.put("files_unreadable", this.unreadable);
			counts.put("prices_changed", this.changed);
			counts.put("prices_unchanged", this.unchanged);
			counts.put("prices_skipped", this.skipped);
			return counts;
		}

	}

}
