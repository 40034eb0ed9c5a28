package io.costlens.pricing;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The daily price refresh from AWS's public Price List bulk files.
 *
 * @param refreshEnabled whether the job reads the files at all
 * @param refreshBaseUrl where the offer files are served:
 * {@code <base>/offers/v1.0/aws/<offer>/current/<region>/index.json}
 * @param refreshInterval how long after one refresh the next one starts
 * @param refreshTimeout how long one file may take to arrive
 */
@ConfigurationProperties("costlens.pricing")
record PricingProperties(@DefaultValue("true") boolean refreshEnabled,
		@DefaultValue("https://pricing.us-east-1.amazonaws.com") URI refreshBaseUrl,
		@DefaultValue("1d") Duration refreshInterval, @DefaultValue("60s") Duration refreshTimeout) {

}
