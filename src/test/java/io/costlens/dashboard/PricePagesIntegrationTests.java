package io.costlens.dashboard;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import io.costlens.IntegrationTest;
import io.costlens.TestApi;
import io.costlens.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The prices page keeps its rendered rows until a price changes: a change shows on the
 * next view, and the kept rows' forms carry the CSRF token of the session that views
 * them.
 */
@IntegrationTest
class PricePagesIntegrationTests {

	private static final Pattern ROW_FORM = Pattern.compile(
			"<form action=\"(/ui/prices/[0-9a-f-]+)\"[^>]*><input type=\"hidden\" name=\"_csrf\" value=\"([^\"]+)\">");

	@Autowired
	TestApi api;

	@Autowired
	TestUsers users;

	private final String region = "test-" + UUID.randomUUID().toString().substring(0, 8);

	@Test
	void showsAChangedPriceOnTheNextViewWithFormsThatCarryTheViewersToken() {
		UiSession first = UiSession.signedIn(this.api, this.users, "admin");
		first.post("/ui/prices", "/ui/prices",
				Map.of("service", "sqs", "region", this.region, "tier", "standard", "price", "0.5", "unit", "request"));
		assertThat(table(first.get("/ui/prices?region=" + this.region).body())).contains(">0.5");

		UiSession second = UiSession.signedIn(this.api, this.users, "admin");
		Matcher form = ROW_FORM.matcher(table(second.get("/ui/prices?region=" + this.region).body()));
		assertThat(form.find()).as("a row's form with its CSRF field").isTrue();
		HttpResponse<String> changed = second.postRaw(form.group(1), Map.of("_csrf", form.group(2), "price", "0.75"));

		assertThat(changed.statusCode()).as("accepted with the token of the kept row's form").isEqualTo(302);
		String after = table(second.get("/ui/prices?region=" + this.region).body());
		assertThat(after).contains(">0.75").doesNotContain(">0.5");
		assertThat(table(first.get("/ui/prices?region=" + this.region).body())).contains(">0.75");
	}

	private static String table(String page) {
		int at = page.indexOf("id=\"price-table\"");
		assertThat(at).isNotNegative();
		return page.substring(at, page.indexOf("</table>", at));
	}

}
