package io.costlens.pricing;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.costlens.IntegrationTest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The daily price refresh against a local server playing AWS's Price List bulk API, with
 * offer files in the real shape (tiered price dimensions, free-tier and data-transfer
 * products, batch and provisioned variants that must not be taken for on-demand prices).
 * Each test prices a region of its own, so no other test sees the changes.
 */
@IntegrationTest
class PriceRefreshIntegrationTests {

	static final WireMockServer aws = new WireMockServer(options().dynamicPort());

	static {
		aws.start();
	}

	@DynamicPropertySource
	static void awsPriceList(DynamicPropertyRegistry registry) {
		registry.add("costlens.pricing.refresh-base-url", aws::baseUrl);
	}

	@AfterAll
	static void stopAws() {
		aws.stop();
	}

	@Autowired
	PriceRefresh refresh;

	@Autowired
	Pricing catalog;

	@Test
	void addsAVersionFromThePublicationDateOnlyWherePriceChanged() throws Exception {
		String region = testRegion();
		price(region, "sqs", "standard", "0.40", "per_million_requests");
		price(region, "sqs", "fifo", "0.50", "per_million_requests");
		price(region, "lambda", "x86_request", "0.20", "per_million_requests");
		price(region, "lambda", "x86_compute", "0.0000166667", "per_gb_second");
		price(region, "lambda", "arm_compute", "0.0000133334", "per_gb_second");
		price(region, "bedrock", "claude_3_haiku_input", "0.00025", "per_1k_tokens");
		price(region, "bedrock", "claude_3_haiku_output", "0.00125", "per_1k_tokens");
		serve(region, "AWSQueueService", "AWSLambda", "AmazonBedrock");

		this.refresh.refresh();

		List<Price> standard = history(region, "sqs", "standard");
		assertThat(standard).hasSize(2);
		Price now = current(standard);
		assertThat(now.pricePerUnit()).isEqualByComparingTo("0.45");
		assertThat(now.effectiveFrom()).isEqualTo(Instant.parse("2026-11-20T10:15:00Z"));
		assertThat(now.source())
			.isEqualTo("AWS Price List AWSQueueService " + region + ", published 2026-11-20T10:15:00Z");
		assertThat(standard).filteredOn((p) -> !p.isActive())
			.singleElement()
			.satisfies((old) -> assertThat(old.effectiveTo()).isEqualTo(now.effectiveFrom()));
		assertThat(current(history(region, "bedrock", "claude_3_haiku_output")).pricePerUnit())
			.isEqualByComparingTo("0.0013");
		for (String unchanged : List.of("sqs/fifo", "lambda/x86_request", "lambda/x86_compute", "lambda/arm_compute",
				"bedrock/claude_3_haiku_input")) {
			String[] key = unchanged.split("/");
			assertThat(history(region, key[0], key[1])).as(unchanged).hasSize(1);
		}
	}

	@Test
	void readingTheSameFilesAgainChangesNothing() throws Exception {
		String region = testRegion();
		price(region, "sqs", "standard", "0.40", "per_million_requests");
		price(region, "bedrock", "claude_3_haiku_output", "0.00125", "per_1k_tokens");
		serve(region, "AWSQueueService", "AWSLambda", "AmazonBedrock");

		this.refresh.refresh();
		this.refresh.refresh();

		assertThat(history(region, "sqs", "standard")).hasSize(2);
		assertThat(history(region, "bedrock", "claude_3_haiku_output")).hasSize(2);
	}

	@Test
	void anUnreachablePriceListChangesNothingAndSaysWhy() {
		String region = testRegion();
		price(region, "sqs", "standard", "0.40", "per_million_requests");
		PricingProperties nowhere = new PricingProperties(true, URI.create("http://127.0.0.1:9"), Duration.ofDays(1),
				Duration.ofSeconds(2));
		PriceRefresh offline = new PriceRefresh(this.catalog, new AwsPriceList(nowhere), nowhere);

		assertThatThrownBy(offline::refresh).isInstanceOf(IOException.class)
			.hasMessageContaining("No AWS Price List file could be read");
		assertThat(history(region, "sqs", "standard")).hasSize(1);
	}

	private static String testRegion() {
		return "zz-test-" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
	}

	private void price(String region, String service, String tier, String price, String unit) {
		this.catalog.add(new NewPrice(new PriceKey(service, region, tier), new BigDecimal(price), unit,
				Instant.parse("2025-01-01T00:00:00Z"), "test seed"));
	}

	private List<Price> history(String region, String service, String tier) {
		return this.catalog.list(service, region, true).stream().filter((p) -> p.tier().equals(tier)).toList();
	}

	private static Price current(List<Price> versions) {
		return versions.stream().filter(Price::isActive).findFirst().orElseThrow();
	}

	private static void serve(String region, String... offers) throws IOException {
		for (String offer : offers) {
			try (InputStream file = PriceRefreshIntegrationTests.class
				.getResourceAsStream("aws-offers/" + offer + ".json")) {
				String body = new String(file.readAllBytes(), StandardCharsets.UTF_8).replace("{{region}}", region);
				aws.stubFor(get(urlEqualTo("/offers/v1.0/aws/" + offer + "/current/" + region + "/index.json"))
					.willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(body)));
			}
		}
	}

}
