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

	@Test
	void showsWhatChangedSinceThePageWasLastRenderedAtOnce() {
		String id = running("{\"region\":\"us-east-1\"}");
		UiSession browser = UiSession.signedIn(this.api, this.users, "member");
		String first = browser.get("/ui/scenarios/" + id + "?period=24h").body();
		assertThat(between(first, "id=\"scenario-logs\"", "</p>")).endsWith(">2");
		assertThat(between(first, "id=\"log-table\"", "</table>")).doesNotContain("A log that came later");
		assertThat(between(first, "id=\"scenario-status\"", "</span>")).contains("running");

		assertThat(this.api.post("/ingest", "{\"message\":\"A log that came later\"}")
			.header("X-Scenario-ID", id)
			.send()
			.status()).isEqualTo(202);
		String ingested = browser.get("/ui/scenarios/" + id + "?period=24h").body();
		assertThat(between(ingested, "id=\"scenario-logs\"", "</p>")).as("the tiles").endsWith(">3");
		assertThat(between(ingested, "id=\"log-table\"", "</table>")).as("the log table")
			.contains("A log that came later");

		assertThat(this.api.post("/api/v1/scenarios/" + id + "/stop", "").send().status()).isEqualTo(200);
		String stopped = browser.get("/ui/scenarios/" + id + "?period=24h").body();
		assertThat(between(stopped, "id=\"scenario-status\"", "</span>")).doesNotContain("running");
		assertThat(stopped).as("the facts: no ingest hint once stopped").doesNotContain("X-Scenario-ID: " + id);
	}

	@Test
	void listsAReportRequestedSinceThePageWasLastRenderedAndItsStatusAtOnce() {
		String id = running("{\"region\":\"us-east-1\"}");
		String page = "/ui/scenarios/" + id + "?period=24h";
		UiSession browser = UiSession.signedIn(this.api, this.users, "admin");
		assertThat(browser.get(page).body()).doesNotContain("id=\"scenario-reports\"");

		TestApi.Response requested = this.api.post("/api/v2/scenarios/" + id + "/reports", "{\"format\":\"csv\"}")
			.send();
		assertThat(requested.status()).as(requested.body()).isLessThan(300);
		String reportId = requested.json().get("report_id").asString();
		assertThat(between(browser.get(page).body(), "id=\"scenario-reports\"", "</ul>")).contains(reportId);
		for (int i = 0; i < 100 && !this.api.get("/api/v2/reports/" + reportId + "/status")
			.send()
			.json()
			.get("status")
			.asString()
			.equals("completed"); i++) {
			sleep();
		}
		assertThat(between(browser.get(page).body(), "id=\"scenario-reports\"", "</ul>")).as("its status")
			.contains("ready")
			.doesNotContain("queued");
	}

	private static void sleep() {
		try {
			Thread.sleep(100);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Test
	void listsNewScenariosAndNewLogCountsAtOnce() {
		UiSession browser = UiSession.signedIn(this.api, this.users, "member");
		String name = "listed-" + UUID.randomUUID();
		String before = browser.get("/ui/scenarios?q=" + name).body();
		assertThat(before).doesNotContain("id=\"scenario-table\"");
		TestApi.Response made = this.api
			.post("/api/v1/scenarios", "{\"name\":\"" + name + "\",\"region\":\"us-east-1\"}")
			.send();
		assertThat(made.status()).isEqualTo(201);
		String id = made.json().get("id").asString();
		String created = browser.get("/ui/scenarios?q=" + name).body();
		assertThat(between(created, "id=\"scenario-table\"", "</table>")).contains(id);
		this.api.post("/api/v1/scenarios/" + id + "/start", "").send();
		assertThat(this.api.post("/ingest", "{\"message\":\"A log for the list\"}")
			.header("X-Scenario-ID", id)
			.send()
			.status()).isEqualTo(202);
		String ingested = browser.get("/ui/scenarios?q=" + name).body();
		assertThat(between(ingested, "id=\"scenario-table\"", "</table>")).as("its log count")
			.contains("<td class=\"num\">1</td>");
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
