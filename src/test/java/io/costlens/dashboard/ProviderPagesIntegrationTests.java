package io.costlens.dashboard;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import io.costlens.TestApi;
import io.costlens.TestUsers;
import io.costlens.providers.OpenRouterFake;
import io.costlens.providers.WithOpenRouterFake;

import static io.costlens.providers.OpenRouterFake.SERVER;
import static io.costlens.providers.OpenRouterFake.json;
import static io.costlens.providers.OpenRouterFake.keyInfo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The provider-key page against a local server that plays OpenRouter: a member adds a
 * key, validates and syncs it from the page, sees its usage with totals that follow the
 * filters, and sees a refused key turn inactive.
 */
@WithOpenRouterFake
class ProviderPagesIntegrationTests {

	@Autowired
	TestApi api;

	@Autowired
	TestUsers users;

	@Test
	void addsValidatesAndSyncsAKeyAndShowsItsUsageWithTotalsThatFollowTheFilters() {
		TestUsers.User member = this.users.member();
		UiSession browser = new UiSession(this.api);
		browser.signIn(member.username(), member.password());
		String key = OpenRouterFake.newKey();
		HttpResponse<String> added = browser.post("/ui/providers", "/ui/providers",
				Map.of("name", "team-prod", "key", key));
		assertThat(UiSession.location(added).getPath()).isEqualTo("/ui/providers");
		String id = this.api.get("/api/keys")
			.as(member.apiKey())
			.send()
			.json()
			.get("items")
			.get(0)
			.get("id")
			.asString();
		SERVER.stubFor(keyInfo(key).willReturn(json(200, OpenRouterFake.ordinaryKeyBody("1.75"))));

		browser.post("/ui/providers", "/ui/providers/" + id + "/validate", Map.of());
		String validated = browser.get("/ui/providers").body();
		assertThat(validated).contains("OpenRouter accepted the key.").contains(">ordinary<").contains("$74.50");
		browser.post("/ui/providers", "/ui/providers/" + id + "/sync", Map.of());
		String synced = browser.get("/ui/providers").body();
		assertThat(synced).contains("1 usage row synced.").doesNotContain(key);
		assertThat(between(synced, "id=\"usage-cost\"", "</p>")).contains("$1.75");
		assertThat(between(synced, "id=\"usage-table\"", "</table>")).contains("whole key").contains("team-prod");

		String filtered = browser.get("/ui/providers?model=openai/gpt-4.1").body();
		assertThat(between(filtered, "id=\"usage-cost\"", "</p>")).contains("$0.00");
		assertThat(filtered).doesNotContain("id=\"usage-table\"").contains("No usage synced in this range");
	}

	@Test
	void showsAKeyOpenRouterRefusesAsInactive() {
		TestUsers.User member = this.users.member();
		UiSession browser = new UiSession(this.api);
		browser.signIn(member.username(), member.password());
		String key = OpenRouterFake.newKey();
		browser.post("/ui/providers", "/ui/providers", Map.of("name", "old-key", "key", key));
		String id = this.api.get("/api/keys")
			.as(member.apiKey())
			.send()
			.json()
			.get("items")
			.get(0)
			.get("id")
			.asString();
		SERVER.stubFor(keyInfo(key).willReturn(json(401, OpenRouterFake.error(401, "User not found."))));

		browser.post("/ui/providers", "/ui/providers/" + id + "/validate", Map.of());

		String page = browser.get("/ui/providers").body();
		assertThat(page).contains("OpenRouter refused the key, so it is now inactive:")
			.contains("User not found.")
			.contains(">inactive<");
	}

	@Test
	void showsAKeyAddedOrRenamedThroughTheApiSinceThePageWasKept() {
		TestUsers.User member = this.users.member();
		UiSession browser = new UiSession(this.api);
		browser.signIn(member.username(), member.password());
		assertThat(browser.get("/ui/providers").body()).doesNotContain("api-added");
		assertThat(browser.get("/ui/providers").body()).doesNotContain("api-added");

		TestApi.Response added = this.api
			.post("/api/keys", "{\"name\":\"api-added\",\"key\":\"" + OpenRouterFake.newKey() + "\"}")
			.as(member.apiKey())
			.send();
		assertThat(added.status()).as(added.body()).isEqualTo(201);
		assertThat(browser.get("/ui/providers").body()).contains("api-added");

		this.api.patch("/api/keys/" + added.json().get("id").asString(), "{\"name\":\"api-renamed\"}")
			.as(member.apiKey())
			.send();
		assertThat(browser.get("/ui/providers").body()).contains("api-renamed").doesNotContain("api-added");
		UiSession other = UiSession.signedIn(this.api, this.users, "member");
		assertThat(other.get("/ui/providers").body()).as("another member's keys").doesNotContain("api-renamed");
	}

	@Test
	void refusesAKeyTooShortNamingTheFieldAndStoresNothing() {
		TestUsers.User member = this.users.member();
		UiSession browser = new UiSession(this.api);
		browser.signIn(member.username(), member.password());
		HttpResponse<String> refused = browser.post("/ui/providers", "/ui/providers",
				Map.of("name", "short", "key", "sk-or-1"));
		assertThat(refused.statusCode()).isEqualTo(302);
		String page = browser.get("/ui/providers").body();
		assertThat(page).contains("key").contains("at least 16 characters");
		assertThat(this.api.get("/api/keys").as(member.apiKey()).send().json().get("total").asLong()).isZero();
	}

	private static String between(String page, String start, String end) {
		int at = page.indexOf(start);
		assertThat(at).as(start).isNotNegative();
		return page.substring(at, page.indexOf(end, at));
	}

}
