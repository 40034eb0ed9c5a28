package io.costlens.dashboard;

import java.net.HttpCookie;
import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import io.costlens.IntegrationTest;
import io.costlens.TestApi;
import io.costlens.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard's own session chain: where it lives, its cookie, CSRF, roles, sign-out,
 * and that the API beside it stays stateless.
 */
@IntegrationTest
class DashboardSessionIntegrationTests {

	@Autowired
	TestApi api;

	@Autowired
	TestUsers users;

	@Test
	void sendsBrowsersToTheDashboardAndApiClientsToTheJson() {
		UiSession browser = new UiSession(this.api);
		HttpResponse<String> html = browser.get("/");
		assertThat(html.statusCode()).isEqualTo(302);
		assertThat(UiSession.location(html).getPath()).isEqualTo("/ui/");
		TestApi.Response json = this.api.get("/").anonymous().send();
		assertThat(json.status()).isEqualTo(200);
		assertThat(json.json().get("name").asString()).isEqualTo("Costlens");
		TestApi.Response any = this.api.get("/").anonymous().header("Accept", "*/*").send();
		assertThat(any.contentType()).startsWith("application/json");
	}

	@Test
	void asksForSignInAndKeepsTheSessionInAnHttpOnlySameSiteCookie() {
		UiSession browser = new UiSession(this.api);
		HttpResponse<String> page = browser.get("/ui/scenarios");
		assertThat(page.statusCode()).isEqualTo(302);
		assertThat(UiSession.location(page).getPath()).isEqualTo("/ui/login");
		TestUsers.User admin = this.users.create("admin", "free");
		HttpResponse<String> signedIn = browser.signIn(admin.username(), admin.password());
		assertThat(signedIn.statusCode()).isEqualTo(302);
		assertThat(UiSession.location(signedIn).getPath()).isEqualTo("/ui/scenarios");
		String cookie = signedIn.headers().firstValue("Set-Cookie").orElseThrow();
		assertThat(cookie).contains("JSESSIONID=").contains("HttpOnly").contains("SameSite=Lax");
		HttpResponse<String> scenarios = browser.get("/ui/scenarios");
		assertThat(scenarios.statusCode()).isEqualTo(200);
		assertThat(scenarios.headers().firstValue("Content-Security-Policy").orElseThrow())
			.contains("script-src 'self'");
		assertThat(scenarios.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
	}

	@Test
	void refusesAWrongPasswordWithoutSayingWhichPartWasWrong() {
		UiSession browser = new UiSession(this.api);
		TestUsers.User member = this.users.member();
		HttpResponse<String> failed = browser.signIn(member.username(), "not-the-password");
		assertThat(UiSession.location(failed).toString()).endsWith("/ui/login?error");
		assertThat(browser.get("/ui/").statusCode()).isEqualTo(302);
	}

	@Test
	void refusesAFormWithoutItsCsrfToken() {
		UiSession browser = new UiSession(this.api);
		signInAnAdmin(browser);
		HttpResponse<String> forged = browser.postRaw("/ui/scenarios", Map.of("name", "forged", "region", "us-east-1"));
		assertThat(forged.statusCode()).isEqualTo(403);
		HttpResponse<String> list = browser.get("/ui/scenarios?q=forged");
		assertThat(list.body()).doesNotContain(">forged<");
	}

	@Test
	void refusesAViewersWritesOnTheServerToo() {
		TestUsers.User viewer = this.users.create("viewer", "free");
		UiSession browser = new UiSession(this.api);
		browser.signIn(viewer.username(), viewer.password());
		HttpResponse<String> scenarios = browser.get("/ui/scenarios");
		assertThat(scenarios.statusCode()).isEqualTo(200);
		assertThat(scenarios.body()).doesNotContain("id=\"create-scenario\"");
		HttpResponse<String> write = browser.post("/ui/scenarios", "/ui/scenarios",
				Map.of("name", "viewer-made", "region", "us-east-1"));
		assertThat(write.statusCode()).isEqualTo(403);
		assertThat(browser.get("/ui/audit").statusCode()).isEqualTo(403);
		HttpResponse<String> language = browser.post("/ui/scenarios", "/ui/preferences/locale", Map.of("lang", "it"));
		assertThat(language.statusCode()).as("a viewer may still choose a language").isEqualTo(302);
	}

	@Test
	void refusesAViewersProviderKeyAndReportWritesOnTheServer() {
		String scenario = this.api
			.post("/api/v1/scenarios", "{\"name\":\"viewer-refusals-" + java.util.UUID.randomUUID() + "\"}")
			.send()
			.json()
			.get("id")
			.asString();
		TestUsers.User viewer = this.users.create("viewer", "free");
		UiSession browser = new UiSession(this.api);
		browser.signIn(viewer.username(), viewer.password());
		HttpResponse<String> keys = browser.get("/ui/providers");
		assertThat(keys.statusCode()).isEqualTo(200);
		assertThat(keys.body()).doesNotContain("id=\"add-key\"");
		assertThat(browser
			.post("/ui/providers", "/ui/providers",
					Map.of("name", "viewer-key", "key", "sk-or-v1-0123456789abcdef0123456789abcdef"))
			.statusCode()).isEqualTo(403);
		assertThat(browser.get("/ui/providers").body()).doesNotContain("viewer-key");
		HttpResponse<String> page = browser.get("/ui/scenarios/" + scenario);
		assertThat(page.body()).doesNotContain("id=\"request-report\"");
		assertThat(browser
			.post("/ui/scenarios/" + scenario, "/ui/scenarios/" + scenario + "/reports", Map.of("format", "pdf"))
			.statusCode()).isEqualTo(403);
		assertThat(this.api.get("/api/v2/scenarios/" + scenario + "/reports").send().json().get("total").asLong())
			.isZero();
		assertThat(browser.get("/ui/reports").statusCode()).isEqualTo(200);
		assertThat(browser.get("/ui/developers").statusCode()).isEqualTo(200);
	}

	@Test
	void keepsAMembersHandsOffAdminPages() {
		TestUsers.User member = this.users.member();
		UiSession browser = new UiSession(this.api);
		browser.signIn(member.username(), member.password());
		assertThat(browser.get("/ui/users").statusCode()).isEqualTo(403);
		HttpResponse<String> price = browser.post("/ui/prices", "/ui/prices",
				Map.of("service", "sqs", "region", "eu-south-1", "tier", "standard", "price", "1", "unit", "x"));
		assertThat(price.statusCode()).isEqualTo(403);
	}

	@Test
	void endsTheSessionOnSignOutAndWhenTheUserIsDeactivated() {
		UiSession browser = new UiSession(this.api);
		signInAnAdmin(browser);
		HttpResponse<String> out = browser.post("/ui/", "/ui/logout", Map.of());
		assertThat(UiSession.location(out).toString()).endsWith("/ui/login?signed-out");
		assertThat(browser.get("/ui/").statusCode()).isEqualTo(302);

		TestUsers.User member = this.users.member();
		UiSession other = new UiSession(this.api);
		other.signIn(member.username(), member.password());
		assertThat(other.get("/ui/").statusCode()).isEqualTo(200);
		this.api.patch("/api/v2/users/" + member.id(), "{\"is_active\":false}").send();
		HttpResponse<String> after = other.get("/ui/");
		assertThat(UiSession.location(after).toString()).endsWith("/ui/login?expired");
	}

	@Test
	void servesAssetsUnderHashedUrlsCachedForAYear() {
		UiSession browser = new UiSession(this.api);
		String login = browser.get("/ui/login").body();
		java.util.regex.Matcher js = java.util.regex.Pattern.compile("/ui/assets/app-[0-9a-f]{32}\\.js").matcher(login);
		assertThat(js.find()).as("a content-hashed script URL").isTrue();
		assertThat(login).contains("/ui/vendor/htmx.org/2.0.10/dist/htmx.min.js");
		HttpResponse<String> asset = browser.get(js.group());
		assertThat(asset.statusCode()).isEqualTo(200);
		assertThat(asset.headers().firstValue("Cache-Control").orElseThrow()).contains("max-age=31536000")
			.contains("immutable");
	}

	@Test
	void loadsLessThan300KilobytesOfJavaScriptOnAPageWithAChart() {
		UiSession browser = new UiSession(this.api);
		signInAnAdmin(browser);
		String page = browser.get("/ui/?period=24h").body();
		java.util.regex.Matcher scripts = java.util.regex.Pattern.compile("<script src=\"([^\"]+)\"").matcher(page);
		long bytes = 0;
		int files = 0;
		while (scripts.find()) {
			bytes += browser.get(scripts.group(1)).body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
			files++;
		}
		assertThat(files).as("htmx, Chart.js and app.js").isEqualTo(3);
		assertThat(bytes).isLessThan(300_000);
	}

	@Test
	void leavesTheApiStateless() {
		TestApi.Response response = this.api.get("/api/v1/scenarios").send();
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.raw().headers().allValues("Set-Cookie")).isEmpty();
		for (HttpCookie cookie : new UiSession(this.api).cookies.getCookieStore().getCookies()) {
			assertThat(cookie.getName()).isNotEqualTo("JSESSIONID");
		}
	}

	private void signInAnAdmin(UiSession browser) {
		TestUsers.User admin = this.users.create("admin", "free");
		browser.signIn(admin.username(), admin.password());
	}

}
