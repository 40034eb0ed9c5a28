package io.costlens.dashboard;

import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;

import io.costlens.IntegrationTest;
import io.costlens.TestApi;
import io.costlens.TestUsers;
import io.costlens.platform.DataDirectory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard in real headless Chromium, as a user goes through it: sign in, take or
 * leave the tour, create and start a scenario, ingest through the API, see the chart and
 * the log table, look at every page (axe-core, keyboard, screenshot), switch language,
 * use the palette and the shortcuts, sign out. A viewer sees no write controls. A user
 * who forgot their password asks for the mail, opens its link and signs in with the new
 * one. The browser signs in as users this class creates, so no other test class's
 * sign-ins (the login throttle) or password changes touch it, whatever the order.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserIntegrationTests {

	@Autowired
	TestApi api;

	@Autowired
	TestUsers users;

	@Autowired
	DataDirectory dataDirectory;

	Browser browser;

	String scenarioName = "Support bot " + UUID.randomUUID().toString().substring(0, 8);

	String scenarioId;

	TestUsers.User admin;

	@BeforeAll
	void openBrowser() {
		this.browser = Browser.start("en-US");
		this.admin = this.users.create("admin", "free");
	}

	@AfterAll
	void closeBrowser() {
		if (this.browser != null) {
			this.browser.close();
		}
	}

	@Test
	@Order(1)
	void signsInAnAdminAndOffersTheTourOnce() {
		go("/ui/scenarios");
		assertThat(this.browser.driver.getCurrentUrl()).endsWith("/ui/login");
		this.browser.assertAccessible("sign-in");
		this.browser.screenshot("01-sign-in");
		this.browser.find("#username").sendKeys(this.admin.username());
		this.browser.find("#password").sendKeys(this.admin.password());
		this.browser.find("#sign-in").click();
		this.browser.waiting().until(ExpectedConditions.urlContains("/ui/scenarios"));
		this.api.get("/api/v2/health/info").send();
		if (!this.browser.all("dialog#tour[open]").isEmpty()) {
			this.browser.assertAccessible("tour");
			this.browser.screenshot("02-tour");
			this.browser.find("#tour-next").click();
			WebElement tour = this.browser.find("dialog#tour");
			this.browser.find("#tour-dismiss").click();
			this.browser.awaitGone(tour);
		}
		go("/ui/");
		assertThat(this.browser.all("dialog#tour[open]")).as("the tour stays dismissed").isEmpty();
	}

	@Test
	@Order(2)
	void createsAndStartsAScenarioThenShowsWhatTheApiIngested() {
		go("/ui/scenarios");
		this.browser.find("#n-name").sendKeys(this.scenarioName);
		this.browser.find("#create-scenario").click();
		this.browser.waiting().until(ExpectedConditions.urlMatches(".*/ui/scenarios/[0-9a-f-]{36}$"));
		String url = this.browser.driver.getCurrentUrl();
		this.scenarioId = url.substring(url.lastIndexOf('/') + 1);
		assertThat(this.browser.await("#scenario-status").getText()).isEqualTo("draft");
		this.browser.find("#start").click();
		this.browser.await("#stop");
		assertThat(this.browser.find("#scenario-status").getText()).isEqualTo("running");
		for (int i = 0; i < 5; i++) {
			TestApi.Response sent = this.api
				.post("/ingest",
						"{\"message\":\"Order " + i + ": please mail the invoice to anna.verdi" + i
								+ "@example.com\",\"source\":\"chat\"}")
				.header("X-Scenario-ID", this.scenarioId)
				.send();
			assertThat(sent.status()).isEqualTo(202);
		}
		this.api.post("/ingest", "{\"message\":\"Where is my parcel?\",\"source\":\"web\"}")
			.header("X-Scenario-ID", this.scenarioId)
			.send();
		go("/ui/scenarios/" + this.scenarioId + "?period=24h");
		assertThat(this.browser.find("#scenario-logs").getText()).isEqualTo("6");
		assertThat(this.browser.all("#log-table tbody tr")).hasSize(6);
		assertThat(this.browser.find("#log-table").getText()).contains("PII: email")
			.contains("[EMAIL]")
			.doesNotContain("anna.verdi0@example.com");
		Object drawn = this.browser.script("return !!Chart.getChart(document.getElementById('scenario-chart'));");
		assertThat(drawn).as("the chart was drawn").isEqualTo(true);
		assertThat(this.browser.find("#series-table").getAttribute("textContent")).contains("6");
		this.browser.screenshot("04-scenario");
		this.browser.assertAccessible("scenario");
		this.browser.assertKeyboardReachable("scenario");
	}

	@Test
	@Order(3)
	void requestsAReportFollowsItsStatusAndDownloadsIt() {
		go("/ui/scenarios/" + this.scenarioId);
		new org.openqa.selenium.support.ui.Select(this.browser.find("#r-kind")).selectByValue("csv");
		this.browser.find("#request-report").click();
		this.browser.waiting().until(ExpectedConditions.urlMatches(".*/ui/reports/[0-9a-f-]{36}$"));
		this.browser.screenshot("16-report-pending");
		WebElement download = new org.openqa.selenium.support.ui.WebDriverWait(this.browser.driver,
				java.time.Duration.ofSeconds(60))
			.until(ExpectedConditions.presenceOfElementLocated(org.openqa.selenium.By.id("download-report")));
		assertThat(this.browser.find("#report-state").getText()).isEqualTo("ready");
		this.browser.assertAccessible("report");
		this.browser.screenshot("17-report-ready");
		Object fetched = this.browser.driver.executeAsyncScript("var done = arguments[arguments.length - 1];"
				+ "fetch(arguments[0]).then((r) => r.text().then((t) => done(r.status + ' '"
				+ " + r.headers.get('content-type') + ' ' + r.headers.get('content-disposition') + '\\n' + t)));",
				download.getAttribute("href"));
		assertThat(String.valueOf(fetched)).startsWith("200 text/csv").contains("attachment").contains(".csv");
		page("/ui/reports", "18-reports");
		assertThat(this.browser.find("#report-table").getText()).contains(this.scenarioName);
	}

	@Test
	@Order(4)
	void showsProviderKeysAndDeveloperAnalytics() {
		go("/ui/providers");
		this.browser.find("#pk-name").sendKeys("team-prod");
		this.browser.find("#pk-key").sendKeys("sk-or-v1-0123456789abcdef0123456789abcdef");
		this.browser.find("#add-key").click();
		assertThat(this.browser.await(".flash.ok").getText()).contains("team-prod");
		assertThat(this.browser.find("#key-table").getText()).contains("team-prod")
			.contains("sk-or-")
			.doesNotContain("0123456789abcdef0123456789abcdef");
		page("/ui/providers", "19-providers");
		String day = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
		String developer = "dev-" + UUID.randomUUID().toString().substring(0, 6);
		StringBuilder traces = new StringBuilder();
		for (int i = 0; i < 4; i++) {
			traces
				.append(("{\"timestamp\": \"%sT0%d:00:00Z\", \"usage\": {\"input_tokens\": 1000, \"output_tokens\": 500},"
						+ " \"attributes\": {\"llm.model_name\": \"%s\", \"status_code\": 200, \"latency_ms\": 900,"
						+ " \"prod_lens.accepted\": %s, \"accepted_lines\": 12},"
						+ " \"metadata\": {\"developer_id\": \"%s\", \"session_id\": \"%s-s%d\", \"repo\": \"acme/shop\"}}\n")
					.formatted(day, i, (i < 3) ? "anthropic/claude-haiku-4-5" : "made-up-model-x", i % 2 == 0,
							developer, developer, i));
		}
		assertThat(this.api
			.request("POST", "/api/traces", java.net.http.HttpRequest.BodyPublishers.ofString(traces.toString()))
			.header("Content-Type", "application/x-ndjson")
			.send()
			.status()).isEqualTo(200);
		page("/ui/developers", "20-developers");
		assertThat(this.browser.find("#kpi-acceptance_rate").getText()).contains("good");
		page("/ui/developers/sessions?developer=" + developer, "21-sessions");
		assertThat(this.browser.find("#sessions-total").getText()).isEqualTo("4");
		assertThat(this.browser.find("#session-table").getText()).contains("no price").doesNotContain("$0.00 ");
		assertThat(this.browser.find("#session-totals").getText()).contains("1 session uses a model with no price");
		page("/ui/developers/sessions/" + developer + "-s1", "22-session");
		page("/ui/developers/profile?developer=" + developer, "23-profile");
		assertThat(this.browser.find("#profile-tiles").getText()).contains("4");
	}

	@Test
	@Order(5)
	void everyPagePassesAxeAndKeyboardChecks() {
		this.api.post("/api/v1/predict-log", "{\"model_name\":\"churn-v2\",\"duration_ms\":42,\"was_successful\":true}")
			.send();
		this.api
			.post("/api/v1/predict-log", "{\"model_name\":\"churn-v2\",\"duration_ms\":97,\"was_successful\":false}")
			.send();
		page("/ui/?period=24h", "03-overview");
		assertThat(this.browser.find("#total-cost").getText()).startsWith("$");
		page("/ui/scenarios", "05-scenarios");
		page("/ui/predictions", "06-predictions");
		page("/ui/predictions/churn-v2?period=24h", "07-model");
		page("/ui/prices?service=sqs", "08-prices");
		page("/ui/audit", "09-audit");
		this.browser.find("#verify-chain").click();
		assertThat(this.browser.await(".flash.ok").getText()).contains("intact");
		page("/ui/users", "10-users");
		this.browser.all("#user-table a").get(0).click();
		this.browser.await("#k-name").sendKeys("ci");
		this.browser.find("#create-key").click();
		assertThat(this.browser.await("#new-key .secret").getText()).startsWith("clk_");
		this.browser.assertAccessible("user");
		this.browser.screenshot("11-user");
		this.browser.driver.navigate().refresh();
		assertThat(this.browser.all("#new-key")).as("a new key is shown once").isEmpty();
	}

	@Test
	@Order(6)
	void switchesToItalianAndFormatsForIt() {
		go("/ui/?period=24h");
		new org.openqa.selenium.support.ui.Select(this.browser.find("#lang-select")).selectByValue("it");
		this.browser.waiting()
			.until(ExpectedConditions.textToBe(org.openqa.selenium.By.cssSelector("h1"), "Panoramica"));
		assertThat(this.browser.find("html").getAttribute("lang")).isEqualTo("it");
		assertThat(this.browser.find("#total-cost").getText()).endsWith("USD");
		this.browser.assertAccessible("overview (it)");
		this.browser.screenshot("12-overview-it");
		go("/ui/developers");
		assertThat(this.browser.find("h1").getText()).isEqualTo("Analisi degli sviluppatori");
		this.browser.assertAccessible("developers (it)");
		this.browser.screenshot("12-developers-it");
		go("/ui/reports");
		this.browser.screenshot("12-reports-it");
		go("/ui/?period=24h");
		new org.openqa.selenium.support.ui.Select(this.browser.find("#lang-select")).selectByValue("en");
		this.browser.waiting().until(ExpectedConditions.textToBe(org.openqa.selenium.By.cssSelector("h1"), "Overview"));
	}

	@Test
	@Order(7)
	void jumpsToAScenarioFromThePaletteAndListsTheShortcuts() {
		go("/ui/");
		new Actions(this.browser.driver).keyDown(Keys.CONTROL).sendKeys("k").keyUp(Keys.CONTROL).perform();
		WebElement input = this.browser.find("#palette-input");
		this.browser.waiting().until(ExpectedConditions.visibilityOf(input));
		input.sendKeys(this.scenarioName.substring(0, 14));
		this.browser.waiting()
			.until(ExpectedConditions.textToBePresentInElementLocated(org.openqa.selenium.By.id("palette-results"),
					this.scenarioName));
		this.browser.assertAccessible("palette");
		this.browser.screenshot("13-palette");
		input.sendKeys(Keys.ARROW_DOWN);
		String selected = this.browser.find("#palette-results [aria-selected=true]").getText();
		assertThat(selected).contains(this.scenarioName);
		input.sendKeys(Keys.ENTER);
		this.browser.waiting().until(ExpectedConditions.urlContains("/ui/scenarios/" + this.scenarioId));
		new Actions(this.browser.driver).sendKeys("?").perform();
		this.browser.waiting().until(ExpectedConditions.visibilityOf(this.browser.find("dialog#help")));
		this.browser.assertAccessible("shortcuts");
		this.browser.screenshot("14-shortcuts");
		new Actions(this.browser.driver).sendKeys(Keys.ESCAPE).perform();
	}

	@Test
	@Order(8)
	void signsOut() {
		go("/ui/");
		this.browser.find("#sign-out").click();
		assertThat(this.browser.await(".flash.ok").getText()).isEqualTo("You are signed out.");
		go("/ui/");
		assertThat(this.browser.driver.getCurrentUrl()).endsWith("/ui/login");
	}

	@Test
	@Order(9)
	void showsAViewerNoWriteControls() {
		TestUsers.User viewer = this.users.create("viewer", "free");
		go("/ui/login");
		this.browser.find("#username").sendKeys(viewer.username());
		this.browser.find("#password").sendKeys(viewer.password());
		this.browser.find("#sign-in").click();
		this.browser.waiting().until(ExpectedConditions.not(ExpectedConditions.urlContains("/ui/login")));
		if (!this.browser.all("dialog#tour[open]").isEmpty()) {
			WebElement tour = this.browser.find("dialog#tour");
			this.browser.find("#tour-dismiss").click();
			this.browser.awaitGone(tour);
		}
		go("/ui/scenarios");
		assertThat(this.browser.all("#create-scenario")).isEmpty();
		go("/ui/scenarios/" + this.scenarioId);
		assertThat(this.browser.all(".actions button")).isEmpty();
		go("/ui/prices");
		assertThat(this.browser.all("#price-table form")).isEmpty();
		go("/ui/providers");
		assertThat(this.browser.all("#add-key")).isEmpty();
		go("/ui/reports");
		this.browser.screenshot("24-viewer-reports");
		go("/ui/scenarios/" + this.scenarioId);
		assertThat(this.browser.all("#request-report")).isEmpty();
		assertThat(this.browser.all("#nav a[href='/ui/audit']")).isEmpty();
		this.browser.screenshot("15-viewer-scenarios");
		this.browser.find("#sign-out").click();
	}

	@Test
	@Order(10)
	void resetsAForgottenPasswordThroughTheMailedLinkAndSignsInWithTheNewOne() {
		TestUsers.User member = this.users.member();
		go("/ui/login");
		this.browser.find("#forgot-password").click();
		this.browser.await("#f-username").sendKeys(member.username());
		this.browser.assertAccessible("forgot password");
		this.browser.screenshot("25-forgot-password");
		this.browser.find("#send-reset").click();
		assertThat(this.browser.await("#reset-sent").getText()).startsWith("If a user with that name or address");
		String link = ResetMail.link(this.dataDirectory, member.username() + "@example.com");
		go(link);
		this.browser.await("#r-password");
		assertThat(this.browser.driver.getCurrentUrl()).as("the token leaves the address bar")
			.endsWith("/ui/reset-password");
		this.browser.assertAccessible("reset password");
		this.browser.assertKeyboardReachable("reset password");
		this.browser.screenshot("26-reset-password");
		this.browser.find("#r-password").sendKeys("battery-staple-horse-9");
		this.browser.find("#r-confirm").sendKeys("battery-staple-horse-9");
		this.browser.find("#set-password").click();
		assertThat(this.browser.await(".flash.ok").getText())
			.isEqualTo("Your password is set: sign in with the new one.");
		this.browser.find("#username").sendKeys(member.username());
		this.browser.find("#password").sendKeys("battery-staple-horse-9");
		this.browser.find("#sign-in").click();
		this.browser.waiting().until(ExpectedConditions.not(ExpectedConditions.urlContains("/ui/login")));
		assertThat(this.browser.all("#sign-out")).as("signed in with the new password").hasSize(1);
		if (!this.browser.all("dialog#tour[open]").isEmpty()) {
			WebElement tour = this.browser.find("dialog#tour");
			this.browser.find("#tour-dismiss").click();
			this.browser.awaitGone(tour);
		}
		this.browser.find("#sign-out").click();
		this.browser.await(".flash.ok");
		go(link);
		this.browser.await("#r-password").sendKeys("another-password-42");
		this.browser.find("#r-confirm").sendKeys("another-password-42");
		this.browser.find("#set-password").click();
		assertThat(this.browser.await(".flash.error").getText()).isEqualTo(
				"This reset link is no longer valid: it has expired or has been used already. Request a new one.");
		this.browser.assertAccessible("reset password, used link");
		this.browser.screenshot("27-reset-password-used");
	}

	private void page(String path, String screenshot) {
		go(path);
		this.browser.screenshot(screenshot);
		this.browser.assertAccessible(path);
		this.browser.assertKeyboardReachable(path);
	}

	private void go(String path) {
		this.browser.driver.get(this.api.uri(path).toString());
	}

}
