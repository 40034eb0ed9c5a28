package io.costlens.pricing;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import io.costlens.IntegrationTest;
import io.costlens.TestApi;
import io.costlens.TestApi.Response;
import io.costlens.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class PricingIntegrationTests {

	@Autowired
	TestApi api;

	@Autowired
	Pricing catalog;

	@Autowired
	TestUsers users;

	@Test
	void shipsRealPricesForTheFiveRegions() {
		for (String region : new String[] { "us-east-1", "us-west-2", "eu-west-1", "eu-central-1", "ap-southeast-1" }) {
			JsonNode prices = this.api.get("/api/v1/pricing?region=" + region + "&service=sqs").send().json();
			assertThat(prices.size()).as(region).isEqualTo(2);
			assertThat(prices.toString()).contains("\"price_per_unit\":\"0.4\"").contains("\"source\":\"AWS What");
		}
		JsonNode lambda = this.api.get("/api/v1/pricing?region=eu-central-1&service=lambda").send().json();
		assertThat(lambda.toString()).contains("\"tier\":\"x86_compute\"").contains("0.0000166667");
		JsonNode bedrock = this.api.get("/api/v1/pricing?region=us-east-1&service=bedrock").send().json();
		assertThat(bedrock.toString()).contains("claude_3_sonnet_input").contains("nova_micro_output");
	}

	@Test
	void keepsHistoryWhenAPriceChanges() {
		String region = "hist-" + UUID.randomUUID().toString().substring(0, 8);
		Response added = this.api
			.post("/api/v1/pricing",
					"{\"service\":\"sqs\",\"region\":\"" + region
							+ "\",\"tier\":\"standard\",\"price_per_unit\":\"0.40\",\"unit\":\"per_million_requests\","
							+ "\"effective_from\":\"2026-01-01T00:00:00Z\",\"source\":\"first\"}")
			.send();
		assertThat(added.status()).isEqualTo(201);
		String id = added.json().get("id").asString();

		Response changed = this.api
			.put("/api/v1/pricing/" + id, "{\"price_per_unit\":\"0.45\",\"effective_from\":\"2026-06-01T00:00:00Z\"}")
			.send();

		assertThat(changed.status()).isEqualTo(200);
		assertThat(changed.json().get("id").asString()).isNotEqualTo(id);
		assertThat(changed.json().get("source").asString()).isEqualTo("first");
		PriceKey key = new PriceKey("sqs", region, "standard");
		assertThat(this.catalog.priceAt(key, Instant.parse("2026-05-31T23:59:59Z")))
			.hasValueSatisfying((p) -> assertThat(p).isEqualByComparingTo("0.40"));
		assertThat(this.catalog.priceAt(key, Instant.parse("2026-06-01T00:00:00Z")))
			.hasValueSatisfying((p) -> assertThat(p).isEqualByComparingTo("0.45"));
		assertThat(this.catalog.priceAt(key, Instant.parse("2025-12-31T00:00:00Z"))).isEmpty();
		assertThat(this.api.get("/api/v1/pricing?region=" + region).send().json().size()).isEqualTo(1);
		assertThat(this.api.get("/api/v1/pricing?region=" + region + "&include_history=true").send().json().size())
			.isEqualTo(2);
		assertThat(this.api.put("/api/v1/pricing/" + id, "{\"price_per_unit\":\"1\"}").send().status()).isEqualTo(409);
		assertThat(this.api
			.put("/api/v1/pricing/" + changed.json().get("id").asString(),
					"{\"effective_from\":\"2026-02-01T00:00:00Z\",\"price_per_unit\":\"1\"}")
			.send()
			.status()).isEqualTo(400);
	}

	@Test
	void refusesASecondCurrentPriceAndBadBodies() {
		Response duplicate = this.api
			.post("/api/v1/pricing",
					"{\"service\":\"sqs\",\"region\":\"us-east-1\","
							+ "\"tier\":\"standard\",\"price_per_unit\":\"0.1\",\"unit\":\"x\",\"source\":\"y\"}")
			.send();
		Response bad = this.api.post("/api/v1/pricing", "{\"service\":\"ec2\",\"price_per_unit\":\"-1\"}").send();

		assertThat(duplicate.status()).isEqualTo(409);
		assertThat(bad.status()).isEqualTo(422);
		assertThat(bad.body()).contains("service").contains("price_per_unit");
	}

	@Test
	void letsMembersReadButOnlyAdminsChangePrices() {
		String member = this.users.member().apiKey();
		String id = this.catalog.list("sqs", "us-east-1", false).get(0).id().toString();

		assertThat(this.api.get("/api/v1/pricing").as(member).send().status()).isEqualTo(200);
		assertThat(this.api.put("/api/v1/pricing/" + id, "{\"price_per_unit\":\"9\"}").as(member).send().status())
			.isEqualTo(403);
		assertThat(this.api.get("/api/v1/pricing").anonymous().send().status()).isEqualTo(401);
	}

}
