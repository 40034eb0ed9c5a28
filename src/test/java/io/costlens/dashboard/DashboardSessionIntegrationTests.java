package io.costlens.dashboard;

import java.net.HttpCookie;
import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import io.costlens.IntegrationTest;
import io.costlens.TestApi;
import io.costlens.TestUsers;
import io.costlens.platform.DataDirectory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard's own session chain: where it lives, its cookie, CSRF, roles, sign-out,
 * the password reset from the sign-in page (the mail read from the outbox folder), and
 * that the API beside it stays stateless.
 */
@IntegrationTest
class DashboardSessionIntegrationTests {

	@Autowired
	TestApi api;

	@Autowired
	TestUsers users;

	@Autowired
	DataDirectory dataDirectory;

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
	void appliesARoleChangeAndADeactivationFromTheNextRequestThoughTheUserIsCached() {
		TestUsers.User member = this.users.member();
		UiSession browser = new UiSession(this.api);
		browser.signIn(member.username(), member.password());
		assertThat(browser.get("/ui/users").statusCode()).isEqualTo(403);
		assertThat(browser.get("/ui/").statusCode()).as("the user is cached now").isEqualTo(200);
		this.api.patch("/api/v2/users/" + member.id(), "{\"role\":\"admin\"}").send();
		assertThat(browser.get("/ui/users").statusCode()).isEqualTo(200);
		this.api.patch("/api/v2/users/" + member.id(), "{\"role\":\"viewer\"}").send();
		assertThat(browser.get("/ui/users").statusCode()).isEqualTo(403);
		this.api.patch("/api/v2/users/" + member.id(), "{\"is_active\":false}").send();
		assertThat(UiSession.location(browser.get("/ui/")).toString()).endsWith("/ui/login?expired");
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
	void setsANewPasswordFromTheMailedLinkOnceAndEndsTheSessionsOfTheOldOne() {
		TestUsers.User member = this.users.member();
		UiSession before = new UiSession(this.api);
		before.signIn(member.username(), member.password());
		assertThat(before.get("/ui/").statusCode()).isEqualTo(200);
		UiSession browser = new UiSession(this.api);
		HttpResponse<String> asked = browser.post("/ui/forgot-password", "/ui/forgot-password",
				Map.of("username", member.username()));
		assertThat(UiSession.location(asked).toString()).endsWith("/ui/forgot-password?sent");
		String link = ResetMail.link(this.dataDirectory, member.username() + "@example.com");
		String token = link.substring(link.indexOf("token=") + 6);

		HttpResponse<String> opened = browser.get(link);
		assertThat(opened.statusCode()).isEqualTo(302);
		assertThat(UiSession.location(opened).toString()).as("the token leaves the address at once")
			.endsWith("/ui/reset-password");
		String form = browser.get("/ui/reset-password").body();
		assertThat(form).contains("id=\"set-password\"").doesNotContain(token);
		browser.post("/ui/reset-password", "/ui/reset-password",
				Map.of("password", "a-new-password-1234", "confirm", "another-password-1234"));
		assertThat(browser.get("/ui/reset-password").body()).contains("The two passwords differ")
			.contains("id=\"set-password\"");
		browser.post("/ui/reset-password", "/ui/reset-password", Map.of("password", "short", "confirm", "short"));
		assertThat(browser.get("/ui/reset-password").body()).contains("at least 12 characters");
		HttpResponse<String> set = browser.post("/ui/reset-password", "/ui/reset-password",
				Map.of("password", "a-new-password-1234", "confirm", "a-new-password-1234"));
		assertThat(UiSession.location(set).toString()).endsWith("/ui/login?reset");
		assertThat(browser.get("/ui/login?reset").body()).contains("Your password is set");

		assertThat(UiSession.location(before.get("/ui/")).toString()).as("the session of the old password ends")
			.endsWith("/ui/login?expired");
		assertThat(UiSession.location(new UiSession(this.api).signIn(member.username(), member.password())).toString())
			.endsWith("/ui/login?error");
		UiSession after = new UiSession(this.api);
		assertThat(UiSession.location(after.signIn(member.username(), "a-new-password-1234")).getPath())
			.isEqualTo("/ui/");
		assertThat(after.get("/ui/").statusCode()).isEqualTo(200);

		browser.get(link);
		browser.post("/ui/reset-password", "/ui/reset-password",
				Map.of("password", "a-third-password-1234", "confirm", "a-third-password-1234"));
		String spent = browser.get("/ui/reset-password").body();
		assertThat(spent).contains("This reset link is no longer valid: it has expired or has been used already.")
			.contains("id=\"request-new-link\"")
			.doesNotContain("id=\"set-password\"");
		assertThat(UiSession.location(new UiSession(this.api).signIn(member.username(), "a-third-password-1234"))
			.toString()).endsWith("/ui/login?error");
	}

	@Test
	void answersAResetRequestTheSameWhetherOrNotTheUserExistsAndRefusesBadInputPolitely() {
		UiSession browser = new UiSession(this.api);
		HttpResponse<String> unknown = browser.post("/ui/forgot-password", "/ui/forgot-password",
				Map.of("username", "nobody-" + java.util.UUID.randomUUID()));
		assertThat(UiSession.location(unknown).toString()).endsWith("/ui/forgot-password?sent");
		assertThat(browser.get("/ui/forgot-password?sent").body()).contains("If a user with that name or address");
		for (String bad : new String[] { "", "   ", "x".repeat(300) }) {
			HttpResponse<String> refused = browser.post("/ui/forgot-password", "/ui/forgot-password",
					Map.of("username", bad));
			assertThat(UiSession.location(refused).toString()).endsWith("/ui/forgot-password");
			assertThat(browser.get("/ui/forgot-password").body()).contains("Give your username or email address");
		}
		assertThat(browser.get("/ui/reset-password?token=made-up").statusCode()).isEqualTo(302);
		browser.post("/ui/reset-password", "/ui/reset-password",
				Map.of("password", "a-new-password-1234", "confirm", "a-new-password-1234"));
		assertThat(browser.get("/ui/reset-password").body()).contains("This reset link is no longer valid");
		assertThat(browser.get("/ui/reset-password?token=" + "t".repeat(300)).statusCode()).isEqualTo(302);
		assertThat(browser.get("/ui/reset-password").body()).contains("id=\"request-new-link\"");
	}

	@Test
	void refusesResetFormsWithoutTheirCsrfToken() {
		TestUsers.User member = this.users.member();
		UiSession browser = new UiSession(this.api);
		HttpResponse<String> forged = browser.postRaw("/ui/forgot-password", Map.of("username", member.username()));
		assertThat(UiSession.location(forged).getPath()).as("refused: sent to sign in, not told a mail is sent")
			.isEqualTo("/ui/login");
		HttpResponse<String> forgedReset = browser.postRaw("/ui/reset-password",
				Map.of("password", "a-new-password-1234", "confirm", "a-new-password-1234"));
		assertThat(UiSession.location(forgedReset).getPath()).isEqualTo("/ui/login");
		browser.post("/ui/forgot-password", "/ui/forgot-password", Map.of("username", member.username()));
		ResetMail.link(this.dataDirectory, member.username() + "@example.com");
		assertThat(ResetMail.count(this.dataDirectory, member.username() + "@example.com"))
			.as("only the request with its token sent a mail")
			.isEqualTo(1);
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
