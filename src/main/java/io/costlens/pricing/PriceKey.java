package io.costlens.pricing;

/**
 * What a price is for, regardless of its version.
 *
 * @param service e.g. {@code lambda}
 * @param region e.g. {@code eu-west-1}
 * @param tier e.g. {@code x86_compute}
 */
public record PriceKey(String service, String region, String tier) {

	@Override
	public String toString() {
		return this.service + "/" + this.region + "/" + this.tier;
	}

}
