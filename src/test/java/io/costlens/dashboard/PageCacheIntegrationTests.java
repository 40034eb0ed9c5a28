package io.costlens.dashboard;

import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import io.costlens.IntegrationTest;
import io.costlens.TestApi;
import io.costlens.TestUsers;
import io.costlens.predictions.NewPrediction;
import io.costlens.predictions.Predictions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signed-in pages are kept as rendered HTML ({@link PageCache}): a kept page answers with
 * the headers of a rendered one and the request's own CSRF token, shows what changed
 * since it was kept on the next view, never shows one user's or role's page to another,
 * follows the language, never keeps a flash message, and a deactivated user is signed out
 * though their page is kept.
 */
@IntegrationTest
class PageCacheIntegrationTests {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@Autowired
	TestApi api;

	@Autowired
	TestUsers users;

	@Autowired
	MeterRegistry meters;

	@Autowired
	Predictions predictions;

	private final String tag = UUID.randomUUID().toString().substring(0, 8);

	@Test
	void answersAKeptPageWithTheHeadersOfARenderedOneAndTheRequestsOwnToken() {
		UiSession browser = UiSession.signedIn(this.api, this.users, "viewer");
		HttpResponse<String> rendered = browser.get("/ui/reports");
		double hits = hits();

		HttpResponse<String> kept = browser.get("/ui/reports");

		assertThat(hits()).as("answered from the kept page").isGreaterThan(hits);
		assertThat(kept.statusCode()).isEqualTo(200);
		assertThat(headers(kept)).isEqualTo(headers(rendered));
		String token = token(kept.body());
		assertThat(token).isNotEqualTo(token(rendered.body()));
		assertThat(withoutToken(kept.body())).isEqualTo(withoutToken(rendered.body()));
		assertThat(browser.postRaw("/ui/preferences/shortcuts", Map.of("_csrf", token, "on", "false")).statusCode())
			.as("the kept page's form works")
			.isEqualTo(302);
		assertThat(browser.get("/ui/reports").body()).as("the changed preference shows on the next view")
			.contains("data-shortcuts=\"false\"");
	}

	@Test
	void givesTwoSessionsOfOneUserTheirOwnTokensAndWorkingForms() {
		TestUsers.User user = this.users.create("member", "free");
		UiSession first = new UiSession(this.api);
		first.signIn(user.username(), user.password());
		UiSession second = new UiSession(this.api);
		second.signIn(user.username(), user.password());
		String firstToken = token(first.get("/ui/reports").body());
		double hits = hits();

		String secondToken = token(second.get("/ui/reports").body());

		assertThat(hits()).as("the second session got the first one's kept page").isGreaterThan(hits);
		assertThat(second.postRaw("/ui/preferences/tour", Map.of("_csrf", firstToken, "done", "true")).statusCode())
			.as("the other session's token is refused")
			.isEqualTo(403);
		assertThat(second.postRaw("/ui/preferences/tour", Map.of("_csrf", secondToken, "done", "true")).statusCode())
			.isEqualTo(302);
		assertThat(first.postRaw("/ui/preferences/tour", Map.of("_csrf", firstToken, "done", "false")).statusCode())
			.isEqualTo(302);
	}

	@Test
	void neverShowsAViewerAnAdminsWriteControlsOrTheReverse() {
		String id = running();
		String page = "/ui/scenarios/" + id + "?period=24h";
		UiSession admin = UiSession.signedIn(this.api, this.users, "admin");
		UiSession viewer = UiSession.signedIn(this.api, this.users, "viewer");
		assertThat(admin.get(page).body()).contains("id=\"stop\"").contains("id=\"report-form\"");
		assertThat(admin.get(page).body()).contains("id=\"stop\"");

		assertThat(viewer.get(page).body()).doesNotContain("id=\"stop\"").doesNotContain("id=\"report-form\"");
		assertThat(viewer.get("/ui/prices").body()).doesNotContain("/ui/prices/");
		assertThat(admin.get("/ui/prices").body()).as("an admin's row forms after a viewer's kept page")
			.contains("action=\"/ui/prices/");

		TestUsers.User member = this.users.create("admin", "free");
		UiSession demoted = new UiSession(this.api);
		demoted.signIn(member.username(), member.password());
		assertThat(demoted.get(page).body()).contains("id=\"stop\"");
		assertThat(demoted.get(page).body()).contains("id=\"stop\"");
		this.api.patch("/api/v2/users/" + member.id(), "{\"role\":\"viewer\"}").send();
		assertThat(demoted.get(page).body()).as("the same user, a viewer now").doesNotContain("id=\"stop\"");
	}

	@Test
	void showsTheOtherLanguageAfterASwitch() {
		UiSession browser = UiSession.signedIn(this.api, this.users, "member");
		String english = browser.get("/ui/reports").body();
		assertThat(browser.get("/ui/reports").body()).contains("<html lang=\"en\"").contains("<title>Reports");

		assertThat(
				browser.postRaw("/ui/preferences/locale", Map.of("_csrf", token(english), "lang", "it")).statusCode())
			.isEqualTo(302);

		HttpResponse<String> italian = browser.get("/ui/reports");
		assertThat(italian.body()).contains("<html lang=\"it\"").doesNotContain("<title>Reports");
		assertThat(italian.headers().firstValue("Content-Language")).hasValue("it");
		assertThat(browser.get("/ui/reports").body()).contains("<html lang=\"it\"");
	}

	@Test
	void signsADeactivatedUserOutAtOnceThoughTheirPageIsKept() {
		TestUsers.User member = this.users.create("member", "free");
		UiSession browser = new UiSession(this.api);
		browser.signIn(member.username(), member.password());
		assertThat(browser.get("/ui/scenarios").statusCode()).isEqualTo(200);
		assertThat(browser.get("/ui/scenarios").statusCode()).isEqualTo(200);

		this.api.patch("/api/v2/users/" + member.id(), "{\"is_active\":false}").send();

		HttpResponse<String> after = browser.get("/ui/scenarios");
		assertThat(after.statusCode()).isEqualTo(302);
		assertThat(UiSession.location(after).toString()).endsWith("/ui/login?expired");
	}

	@Test
	void showsAFlashMessageOnceAndAReportsListAndPageAsTheyChange() {
		String id = running();
		UiSession member = UiSession.signedIn(this.api, this.users, "member");
		UiSession other = UiSession.signedIn(this.api, this.users, "member");
		assertThat(member.get("/ui/reports").body()).doesNotContain("id=\"report-");
		assertThat(other.get("/ui/reports").body()).doesNotContain("/ui/reports/");

		HttpResponse<String> requested = member.post("/ui/scenarios/" + id, "/ui/scenarios/" + id + "/reports",
				Map.of("format", "csv", "granularity", "hour"));
		assertThat(requested.statusCode()).isEqualTo(302);
		String report = UiSession.location(requested).getPath();

		assertThat(member.get(report).body()).as("the flash message").contains("Report requested.");
		assertThat(member.get(report).body()).as("shown once").doesNotContain("Report requested.");
		assertThat(member.get("/ui/reports").body()).contains("href=\"" + report + "\"");
		assertThat(other.get("/ui/reports").body()).as("another member's list").doesNotContain(report);
		for (int i = 0; i < 100 && !member.get(report).body().contains("report-completed"); i++) {
			sleep();
		}
		assertThat(member.get(report).body()).as("its status, as it changed").contains("report-completed");
	}

	@Test
	void showsDeveloperSessionsAndRelatedWorkImportedAfterTheKeptView() {
		LocalDate day = LocalDate.now(ZoneOffset.UTC).minusDays(400);
		importTraces(day, 1);
		UiSession browser = UiSession.signedIn(this.api, this.users, "viewer");
		// the import keeps a session id without its "session-" prefix
		String session = "/ui/developers/sessions/" + this.tag + "-0";
		String profile = "/ui/developers/profile?developer=dev-" + this.tag;
		assertThat(browser.get(session).statusCode()).isEqualTo(200);
		assertThat(browser.get(session).body()).contains("id=\"related-title\"").doesNotContain("<code>");
		String sessions = ">Sessions</h2><p class=\"big\">";
		assertThat(browser.get(profile).body()).contains(sessions + "1<");
		assertThat(browser.get(profile).body()).contains(sessions + "1<");

		String sha = "ab" + this.tag + "0123456789abcdef0123456789abcdef";
		assertThat(this.api
			.post("/api/github/import",
					"""
							{"repo":"dash/%s","pull_requests":[],"commits":[{"sha":"%s","author":"dev-%s","timestamp":"%sT09:00:00Z"}]}"""
						.formatted(this.tag, sha, this.tag, day))
			.send()
			.status()).isEqualTo(200);
		importTraces(day, 2);

		assertThat(browser.get(session).body()).as("a commit that followed the session").contains(sha);
		assertThat(browser.get(profile).body()).as("a session imported since").contains(sessions + "2<");
	}

	@Test
	void listsAnAuditedChangeMadeSinceTheAuditLogWasKept() {
		UiSession admin = UiSession.signedIn(this.api, this.users, "admin");
		assertThat(admin.get("/ui/audit?event=scenario.created").statusCode()).isEqualTo(200);
		assertThat(admin.get("/ui/audit?event=scenario.created").statusCode()).isEqualTo(200);

		String id = running();

		assertThat(admin.get("/ui/audit?event=scenario.created").body()).contains(id);
	}

	@Test
	void listsAModelWhosePredictionWasLoggedAfterTheKeptView() {
		String model = "kept-model-" + this.tag;
		UiSession browser = UiSession.signedIn(this.api, this.users, "viewer");
		assertThat(browser.get("/ui/predictions?period=24h").body()).doesNotContain(model);
		assertThat(browser.get("/ui/predictions?period=24h").body()).doesNotContain(model);

		this.predictions.log(new NewPrediction(model, 40, true, null));

		assertThat(browser.get("/ui/predictions?period=24h").body()).contains(model);
	}

	@Test
	void findsAScenarioAndAModelInThePaletteThatCameAfterItsResultsWereKept() {
		String name = "palette-" + this.tag;
		UiSession admin = UiSession.signedIn(this.api, this.users, "admin");
		UiSession viewer = UiSession.signedIn(this.api, this.users, "viewer");
		assertThat(admin.get("/ui/palette").body()).contains("#new-scenario");
		assertThat(admin.get("/ui/palette").body()).contains("#new-scenario");
		assertThat(viewer.get("/ui/palette").body()).doesNotContain("#new-scenario");
		assertThat(admin.get("/ui/palette?q=" + name).body()).doesNotContain(name + "-scenario");
		assertThat(admin.get("/ui/palette?q=" + name).body()).doesNotContain(name + "-scenario");

		assertThat(this.api.post("/api/v1/scenarios", "{\"name\":\"" + name + "-scenario\",\"region\":\"us-east-1\"}")
			.send()
			.status()).isEqualTo(201);
		assertThat(admin.get("/ui/palette?q=" + name).body()).contains(name + "-scenario")
			.doesNotContain(name + "-model");
		this.predictions.log(new NewPrediction(name + "-model", 40, true, null));

		assertThat(admin.get("/ui/palette?q=" + name).body()).contains(name + "-scenario").contains(name + "-model");
	}

	private double hits() {
		return this.meters.find("cache.gets")
			.tag("cache", "dashboard-pages")
			.tag("result", "hit")
			.functionCounters()
			.stream()
			.mapToDouble((c) -> c.count())
			.sum();
	}

	private static Map<String, List<String>> headers(HttpResponse<String> response) {
		Map<String, List<String>> headers = new TreeMap<>(response.headers().map());
		headers.remove("date");
		headers.remove("x-correlation-id");
		return headers;
	}

	private static String withoutToken(String page) {
		return page.replace(token(page), "TOKEN");
	}

	private static String token(String page) {
		Matcher token = CSRF.matcher(page);
		assertThat(token.find()).as("a CSRF field").isTrue();
		return token.group(1);
	}

	private String running() {
		TestApi.Response created = this.api
			.post("/api/v1/scenarios", "{\"name\":\"kept-" + UUID.randomUUID() + "\",\"region\":\"us-east-1\"}")
			.send();
		assertThat(created.status()).isEqualTo(201);
		String id = created.json().get("id").asString();
		this.api.post("/api/v1/scenarios/" + id + "/start", "").send();
		assertThat(this.api.post("/ingest", "{\"message\":\"A log\"}").header("X-Scenario-ID", id).send().status())
			.isEqualTo(202);
		return id;
	}

	private void importTraces(LocalDate day, int count) {
		StringBuilder body = new StringBuilder();
		for (int n = 0; n < count; n++) {
			body.append(
					("{\"timestamp\": \"%sT08:%02d:00Z\", \"usage\": {\"input_tokens\": 1000, \"output_tokens\": 100}, "
							+ "\"attributes\": {\"llm.model_name\": \"gpt-4o-mini\", \"latency_ms\": 700, \"status_code\": 200}, "
							+ "\"metadata\": {\"developer_id\": \"dev-%s\", \"session_id\": \"session-%s-%d\", \"repo\": \"dash/%s\"}}\n")
						.formatted(day, n, this.tag, this.tag, n, this.tag));
		}
		TestApi.Response response = this.api.request("POST", "/api/traces", BodyPublishers.ofString(body.toString()))
			.header("Content-Type", "application/x-ndjson")
			.send();
		assertThat(response.status()).isEqualTo(200);
	}

	private static void sleep() {
		try {
			Thread.sleep(100);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
