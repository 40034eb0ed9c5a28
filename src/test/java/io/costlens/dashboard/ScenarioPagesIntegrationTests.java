package io.costlens.dashboard;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import io.costlens.IntegrationTest;
import io.costlens.TestApi;
import io.costlens.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A scenario's page never shows usage that no price covered as $0, and never names a
 * missing price for a scenario that has used nothing yet.
 */
@IntegrationTest
class ScenarioPagesIntegrationTests {

	@Autowired
	TestApi api;

	@Autowired
	TestUsers users;

	@Test
	void showsADraftScenarioWithoutLogsAsCostingNothingInEveryService() {
		String id = create("{\"region\":\"us-east-1\"}");

		String page = page(id);

		assertThat(between(page, "id=\"scenario-cost\"", "</p>")).contains("$0.00");
		assertThat(between(page, "id=\"cost-breakdown\"", "</table>")).contains("$0.00").doesNotContain("no price");
	}

	@Test
	void showsLogsThatNoPriceCoveredAsNoPriceRatherThanZero() {
		String region = "zz-" + UUID.randomUUID().toString().substring(0, 8);
		// a price the scenarios' cost model never uses, so that the region exists
		assertThat(this.api
			.post("/api/v1/pricing",
					"{\"service\":\"sqs\",\"region\":\"" + region + "\",\"tier\":\"fifo\",\"price_per_unit\":0.5,"
							+ "\"unit\":\"per_million_requests\",\"source\":\"test\"}")
			.send()
			.status()).isEqualTo(201);
		String unpriced = running("{\"region\":\"" + region + "\"}");
		String partly = running("{\"region\":\"us-east-1\",\"bedrock_model\":\"page_unpriced_model\"}");

		String none = page(unpriced);
		assertThat(between(none, "id=\"scenario-logs\"", "</p>")).contains("2");
		assertThat(between(none, "id=\"scenario-cost\"", "</p>")).contains("no price").doesNotContain("$");
		assertThat(between(none, "id=\"cost-breakdown\"", "</table>")).contains("no price").doesNotContain("$");
		assertThat(between(none, "id=\"series-table\"", "</table>")).contains("no price").doesNotContain("$");

		String some = page(partly);
		assertThat(between(some, "id=\"scenario-cost\"", "</p>")).contains("$").doesNotContain("no price");
		assertThat(some).contains("id=\"scenario-cost-partial\"");
		assertThat(between(some, "id=\"cost-breakdown\"", "</table>")).contains("no price");
	}

	@Test
	void offersOnlyAwsRegionsForScenariosNotTheLlmPricesGlobalOne() {
		String list = UiSession.signedIn(this.api, this.users, "member").get("/ui/scenarios").body();

		assertThat(between(list, "id=\"n-region\"", "</select>")).contains(">us-east-1<").doesNotContain(">global<");
		assertThat(between(list, "id=\"f-region\"", "</select>")).contains(">eu-west-1<").doesNotContain(">global<");
	}

	private String page(String id) {
		UiSession browser = UiSession.signedIn(this.api, this.users, "member");
		return browser.get("/ui/scenarios/" + id + "?period=24h").body();
	}

	private String create(String fields) {
		String body = "{\"name\":\"page-" + UUID.randomUUID() + "\"," + fields.substring(1);
		TestApi.Response created = this.api.post("/api/v1/scenarios", body).send();
		assertThat(created.status()).isEqualTo(201);
		return created.json().get("id").asString();
	}

	private String running(String fields) {
		String id = create(fields);
		this.api.post("/api/v1/scenarios/" + id + "/start", "").send();
		for (int i = 0; i < 2; i++) {
			assertThat(this.api.post("/ingest", "{\"message\":\"A log nobody priced " + i + "\"}")
				.header("X-Scenario-ID", id)
				.send()
				.status()).isEqualTo(202);
		}
		return id;
	}

	private static String between(String page, String start, String end) {
		int at = page.indexOf(start);
		assertThat(at).as(start).isNotNegative();
		return page.substring(at, page.indexOf(end, at));
	}

}
