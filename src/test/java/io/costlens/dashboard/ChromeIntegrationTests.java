package io.costlens.dashboard;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import io.costlens.IntegrationTest;
import io.costlens.TestApi;
import io.costlens.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The layout's header and dialogs, rendered once and kept: each session's forms in them
 * carry that session's CSRF token (one field each), the navigation marks the page's
 * section, and a changed choice shows on the next page.
 */
@IntegrationTest
class ChromeIntegrationTests {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@Autowired
	TestApi api;

	@Autowired
	TestUsers users;

	@Test
	void keptDialogsCarryEachSessionsOwnTokenAndFollowItsChoices() {
		UiSession first = UiSession.signedIn(this.api, this.users, "member");
		assertThat(first.get("/ui/reports").body()).contains("<dialog id=\"tour\"");
		UiSession second = UiSession.signedIn(this.api, this.users, "member");
		String tour = form(second.get("/ui/reports").body(), "class=\"tour-actions\"");
		Matcher token = CSRF.matcher(tour);
		assertThat(token.find()).isTrue();
		String value = token.group(1);
		assertThat(token.find()).as("one CSRF field in the form").isFalse();

		HttpResponse<String> done = second.postRaw("/ui/preferences/tour", Map.of("_csrf", value, "done", "true"));

		assertThat(done.statusCode()).isEqualTo(302);
		String after = second.get("/ui/reports").body();
		assertThat(after).contains("data-tour-done=\"true\"").doesNotContain("<dialog id=\"tour\"");
		assertThat(first.get("/ui/reports").body()).contains("<dialog id=\"tour\"");
	}

	@Test
	void marksThePagesSectionInTheNavigation() {
		UiSession browser = UiSession.signedIn(this.api, this.users, "viewer");

		String page = browser.get("/ui/developers/sessions?sort=cost").body();

		assertThat(page).containsPattern("<a href=\"/ui/developers\"[^>]*aria-current=\"page\"")
			.doesNotContainPattern("<a href=\"/ui/reports\"[^>]*aria-current")
			.doesNotContain("href=\"/ui/users\"");
		assertThat(browser.get("/ui/reports").body())
			.containsPattern("<a href=\"/ui/reports\"[^>]*aria-current=\"page\"");
	}

	private static String form(String page, String marker) {
		int at = page.indexOf(marker);
		assertThat(at).as(marker).isNotNegative();
		return page.substring(at, page.indexOf("</form>", at));
	}

}
