package io.costlens.dashboard;

import java.math.BigDecimal;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import io.costlens.IntegrationTest;
import io.costlens.TestApi;
import io.costlens.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /api/v2/overview}: the dashboard's numbers, for API clients too. */
@IntegrationTest
class OverviewIntegrationTests {

	@Autowired
	TestApi api;

	@Autowired
	TestUsers users;

	@Test
	void addsIngestedLogsAndTheirCostToTheTotalsAndTheSeries() {
		JsonNode before = overview("24h");
		String id = running("{\"region\":\"us-east-1\"}");
		ingest(id, "A question about my bill, please call me back", 3);
		JsonNode after = overview("24h");
		assertThat(logs(after) - logs(before)).isEqualTo(3);
		assertThat(money(after.get("cost").get("total"))).isGreaterThan(money(before.get("cost").get("total")));
		assertThat(after.get("cost").get("total").isString()).as("money is a string").isTrue();
		assertThat(after.get("time_zone").asString()).isEqualTo("UTC");
		assertThat(after.get("bucket").asString()).isEqualTo("hour");
		assertThat(after.get("series")).hasSize(24);
		long inSeries = 0;
		for (JsonNode point : after.get("series")) {
			inSeries += point.get("scenario_logs").asLong();
		}
		assertThat(inSeries).as("the series adds up to the total").isEqualTo(logs(after));
	}

	@Test
	void countsUsageWithoutAPriceApartInsteadOfAsFree() {
		JsonNode before = overview("7d");
		String id = running("{\"region\":\"us-east-1\",\"bedrock_model\":\"unpriced_model_x\"}");
		ingest(id, "Tokens for a model nobody priced", 2);
		JsonNode after = overview("7d");
		assertThat(after.get("cost").get("unpriced_items").asLong() - before.get("cost").get("unpriced_items").asLong())
			.isEqualTo(2);
		assertThat(after.get("unpriced").toString()).contains("unpriced_model_x_input");
	}

	@Test
	void answersViewersAndTellsWhenThereIsNoForecastYet() {
		TestUsers.User viewer = this.users.create("viewer", "free");
		TestApi.Response response = this.api.get("/api/v2/overview?period=mtd").as(viewer.apiKey()).send();
		assertThat(response.status()).isEqualTo(200);
		JsonNode forecast = response.json().get("forecast");
		assertThat(forecast.get("status").asString()).isIn("ok", "not_enough_data");
		assertThat(forecast.get("level").asDouble()).isEqualTo(0.8);
		assertThat(this.api.get("/api/v2/overview").anonymous().send().status()).isEqualTo(401);
	}

	@Test
	void refusesAnUnknownPeriodOrAHalfCustomRangeNamingTheField() {
		TestApi.Response unknown = this.api.get("/api/v2/overview?period=fortnight").send();
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.body()).contains("period");
		TestApi.Response half = this.api.get("/api/v2/overview?from=2026-11-01").send();
		assertThat(half.status()).isEqualTo(400);
		assertThat(half.body()).contains("to: is required");
		TestApi.Response custom = this.api.get("/api/v2/overview?from=2026-11-01&to=2026-11-30").send();
		assertThat(custom.status()).isEqualTo(200);
		assertThat(custom.json().get("series")).hasSize(30);
	}

	private String running(String fields) {
		String body = "{\"name\":\"overview-" + UUID.randomUUID() + "\"," + fields.substring(1);
		String id = this.api.post("/api/v1/scenarios", body).send().json().get("id").asString();
		this.api.post("/api/v1/scenarios/" + id + "/start", "").send();
		return id;
	}

	private void ingest(String id, String message, int times) {
		for (int i = 0; i < times; i++) {
			TestApi.Response sent = this.api.post("/ingest", "{\"message\":\"" + message + " " + i + "\"}")
				.header("X-Scenario-ID", id)
				.send();
			assertThat(sent.status()).isEqualTo(202);
		}
	}

	private JsonNode overview(String period) {
		TestApi.Response response = this.api.get("/api/v2/overview?period=" + period).send();
		assertThat(response.status()).isEqualTo(200);
		return response.json();
	}

	private static long logs(JsonNode overview) {
		return overview.get("usage").get("scenario_logs").asLong();
	}

	private static BigDecimal money(JsonNode value) {
		return value.isNull() ? BigDecimal.ZERO : new BigDecimal(value.asString());
	}

}
