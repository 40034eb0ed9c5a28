package io.costlens.dashboard;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Debian's headless Chromium driven by Debian's chromedriver (Selenium Manager never
 * runs). Without them the browser tests are skipped, saying so.
 */
final class Browser implements AutoCloseable {

	static final File CHROMIUM = new File("/usr/bin/chromium");

	static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

	static final Path SCREENSHOTS = Path.of("target", "screenshots");

	final ChromeDriver driver;

	private final Path profile;

	private Browser(ChromeDriver driver, Path profile) {
		this.driver = driver;
		this.profile = profile;
	}

	/**
	 * A new browser with an empty profile, or the test is skipped when none is installed.
	 */
	static Browser start(String language) {
		boolean present = CHROMIUM.canExecute() && CHROMEDRIVER.canExecute();
		if (!present) {
			System.err.println("Browser tests SKIPPED: no " + CHROMIUM + " or " + CHROMEDRIVER
					+ " (apt-get install chromium chromium-driver; .ci/run installs them)");
		}
		Assumptions.assumeTrue(present, "Browser tests SKIPPED: install Debian's chromium and chromium-driver");
		try {
			Path profile = Files.createTempDirectory("costlens-chromium-");
			ChromeOptions options = new ChromeOptions();
			options.setBinary(CHROMIUM);
			options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
					"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
					"--disable-sync", "--window-size=1280,900", "--user-data-dir=" + profile, "--lang=" + language);
			options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
			ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
				.usingAnyFreePort()
				.build();
			ChromeDriver driver = new ChromeDriver(service, options);
			driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
			return new Browser(driver, profile);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	WebElement find(String css) {
		return this.driver.findElement(By.cssSelector(css));
	}

	/** Waits for the element to be in the page (after a click that navigates). */
	WebElement await(String css) {
		return waiting()
			.until(org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
	}

	List<WebElement> all(String css) {
		return this.driver.findElements(By.cssSelector(css));
	}

	WebDriverWait waiting() {
		return new WebDriverWait(this.driver, Duration.ofSeconds(10));
	}

	/**
	 * Waits until the element has left the page (a navigation replaced it); chromedriver
	 * sometimes answers a check on a node the new page dropped with an "unknown error"
	 * instead of a stale element, which counts as gone too.
	 */
	void awaitGone(WebElement element) {
		waiting().ignoring(WebDriverException.class)
			.until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(element));
	}

	Object script(String script, Object... args) {
		return ((JavascriptExecutor) this.driver).executeScript(script, args);
	}

	/**
	 * Saves the whole page (up to 4 000 pixels high) as
	 * {@code target/screenshots/<name>.png}.
	 */
	void screenshot(String name) {
		try {
			Files.createDirectories(SCREENSHOTS);
			org.openqa.selenium.Dimension window = this.driver.manage().window().getSize();
			Number height = (Number) script("return Math.min(4000, document.documentElement.scrollHeight);");
			this.driver.manage()
				.window()
				.setSize(new org.openqa.selenium.Dimension(window.getWidth(),
						Math.max(window.getHeight(), height.intValue() + 140)));
			File shot = ((TakesScreenshot) this.driver).getScreenshotAs(OutputType.FILE);
			this.driver.manage().window().setSize(window);
			Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Runs axe-core on the page: no serious or critical WCAG 2.1 A/AA violation. */
	void assertAccessible(String page) {
		Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
			.analyze(this.driver);
		List<String> bad = results.getViolations()
			.stream()
			.filter((r) -> "serious".equals(r.getImpact()) || "critical".equals(r.getImpact()))
			.map(Browser::describe)
			.toList();
		assertThat(bad).as("axe-core serious/critical violations on " + page).isEmpty();
	}

	private static String describe(Rule rule) {
		return rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at "
				+ rule.getNodes().stream().map((n) -> String.valueOf(n.getTarget())).limit(5).toList();
	}

	/**
	 * Presses Tab until focus comes round again and checks that every visible control of
	 * the page (links, buttons, fields, summaries) received focus on the way.
	 */
	void assertKeyboardReachable(String page) {
		this.script("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0);");
		this.script("window.__reached = new Set();"
				+ "document.addEventListener('focusin', (e) => window.__reached.add(e.target), true);");
		Number total = (Number) this.script(
				"return document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, summary').length;");
		org.openqa.selenium.interactions.Actions keys = new org.openqa.selenium.interactions.Actions(this.driver);
		for (int i = 0; i < total.intValue() + 3; i++) {
			keys.sendKeys(org.openqa.selenium.Keys.TAB).perform();
		}
		@SuppressWarnings("unchecked")
		List<String> missed = (List<String>) this.script("return Array.from(document.querySelectorAll("
				+ "'a[href], button, input:not([type=hidden]), select, textarea, summary'))"
				+ ".filter((e) => e.offsetParent !== null && !e.closest('dialog:not([open])') && !e.closest('details:not([open]) > :not(summary)'))"
				+ ".filter((e) => !window.__reached.has(e))" + ".map((e) => e.outerHTML.substring(0, 120));");
		assertThat(missed).as("controls not reachable with Tab on " + page).isEmpty();
	}

	@Override
	public void close() {
		this.driver.quit();
		try (var files = Files.walk(this.profile)) {
			files.sorted(java.util.Comparator.reverseOrder()).forEach((p) -> p.toFile().delete());
		}
		catch (IOException ex) {
			// a temporary profile left behind is harmless
		}
	}

}
