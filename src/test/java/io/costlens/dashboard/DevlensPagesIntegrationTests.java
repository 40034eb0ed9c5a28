package io.costlens.dashboard;

import java.net.http.HttpRequest.BodyPublishers;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import io.costlens.IntegrationTest;
import io.costlens.TestApi;
import io.costlens.TestApi.Response;
import io.costlens.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The developer pages: the analytics page's KPIs and insights are cached per window, and
 * an import shows on the next view, as it does in the sessions list's totals (kept for
 * every page and order) and its rows; the sessions table's rows link each session and its
 * developer.
 */
@IntegrationTest
class DevlensPagesIntegrationTests {

	@Autowired
	TestApi api;

	@Autowired
	TestUsers users;

	private final String tag = UUID.randomUUID().toString().substring(0, 8);

	@Test
	void analyticsPageShowsSessionsImportedAfterItWasLastShown() {
		String repo = "dash/" + this.tag;
		UiSession browser = UiSession.signedIn(this.api, this.users, "viewer");
		assertThat(browser.get("/ui/developers?since=7&repo=" + repo).body()).contains("id=\"empty-developers\"");

		importTraces(repo, 3);

		String after = browser.get("/ui/developers?since=7&repo=" + repo).body();
		assertThat(after).doesNotContain("id=\"empty-developers\"");
		assertThat(between(after, "id=\"kpi-ai_interaction_velocity\"", "</tr>")).doesNotContain("—");
	}

	@Test
	void sessionsTableLinksEachSessionAndItsDeveloper() {
		String repo = "dash/" + this.tag;
		importTraces(repo, 2);
		UiSession browser = UiSession.signedIn(this.api, this.users, "viewer");

		String page = browser.get("/ui/developers/sessions?repo=" + repo).body();

		String table = between(page, "id=\"session-table\"", "</table>");
		assertThat(table).contains("href=\"/ui/developers/sessions/" + this.tag + "-0\"")
			.contains("href=\"/ui/developers/profile?developer=dev-" + this.tag + "\"")
			.contains(">1,100<")
			.contains(">700<");
		assertThat(browser.get("/ui/developers/sessions/" + this.tag + "-0").statusCode()).isEqualTo(200);
	}

	@Test
	void sessionsTotalsCountSessionsImportedAfterTheListWasLastShown() {
		String repo = "dash/" + this.tag;
		// days before every window of the analytics page, whose KPIs other tests check
		LocalDate day = LocalDate.now(ZoneOffset.UTC).minusDays(200);
		importTraces(repo, 2, day);
		UiSession browser = UiSession.signedIn(this.api, this.users, "viewer");
		assertThat(between(browser.get("/ui/developers/sessions?repo=" + repo).body(), "id=\"sessions-total\"", "</p>"))
			.endsWith(">2");

		importTraces(repo, 3, day);

		String after = browser.get("/ui/developers/sessions?repo=" + repo + "&page=2").body();
		assertThat(between(after, "id=\"sessions-total\"", "</p>")).endsWith(">3");
		assertThat(between(browser.get("/ui/developers/sessions?repo=" + repo + "&sort=cost").body(),
				"id=\"sessions-total\"", "</p>"))
			.endsWith(">3");
	}

	@Test
	void sessionsTableShowsSessionsImportedAfterItWasLastShown() {
		String repo = "dash/" + this.tag;
		LocalDate day = LocalDate.now(ZoneOffset.UTC).minusDays(300);
		importTraces(repo, 1, day);
		UiSession browser = UiSession.signedIn(this.api, this.users, "viewer");
		assertThat(
				between(browser.get("/ui/developers/sessions?repo=" + repo).body(), "id=\"session-table\"", "</table>"))
			.contains("/ui/developers/sessions/" + this.tag + "-0\"")
			.doesNotContain("/ui/developers/sessions/" + this.tag + "-1\"");

		importTraces(repo, 2, day);

		assertThat(
				between(browser.get("/ui/developers/sessions?repo=" + repo).body(), "id=\"session-table\"", "</table>"))
			.as("the kept rows read afresh after the import")
			.contains("/ui/developers/sessions/" + this.tag + "-1\"");
	}

	private void importTraces(String repo, int count) {
		importTraces(repo, count, LocalDate.now(ZoneOffset.UTC).minusDays(1));
	}

	private void importTraces(String repo, int count, LocalDate day) {
		StringBuilder body = new StringBuilder();
		for (int n = 0; n < count; n++) {
			body.append(
					("{\"timestamp\": \"%sT08:%02d:00Z\", \"usage\": {\"input_tokens\": 1000, \"output_tokens\": 100}, "
							+ "\"attributes\": {\"llm.model_name\": \"gpt-4o-mini\", \"latency_ms\": 700, \"status_code\": 200}, "
							+ "\"metadata\": {\"developer_id\": \"dev-%s\", \"session_id\": \"session-%s-%d\", \"repo\": \"%s\"}}\n")
						.formatted(day, n, this.tag, this.tag, n, repo));
		}
		Response response = this.api.request("POST", "/api/traces", BodyPublishers.ofString(body.toString()))
			.header("Content-Type", "application/x-ndjson")
			.send();
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().get("rejected")).isEmpty();
	}

	private static String between(String page, String from, String to) {
		int start = page.indexOf(from);
		assertThat(start).as(from).isNotNegative();
		return page.substring(start, page.indexOf(to, start));
	}

}
