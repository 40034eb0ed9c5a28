package io.costlens.providers;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.costlens.TestApi;
import io.costlens.TestApi.Response;
import io.costlens.TestUsers;
import io.costlens.TestUsers.User;

import static io.costlens.providers.OpenRouterFake.SERVER;
import static io.costlens.providers.OpenRouterFake.addKey;
import static io.costlens.providers.OpenRouterFake.error;
import static io.costlens.providers.OpenRouterFake.json;
import static io.costlens.providers.OpenRouterFake.keyInfo;
import static io.costlens.providers.OpenRouterFake.ordinaryKey;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Provider keys through the API: stored encrypted, shown by preview, visible to their
 * owner and admins only, validated against the local OpenRouter fake, audited.
 */
@WithOpenRouterFake
class ProviderKeysIntegrationTests {

	@Autowired
	TestApi api;

	@Autowired
	TestUsers users;

	@Autowired
	JdbcClient jdbc;

	@Test
	void storesAKeyAndAnswersWithItsPreviewOnly() {
		User member = this.users.member();
		String key = OpenRouterFake.newKey();

		Response created = add(member,
				"{\"name\": \"production\", \"key\": \"" + key + "\", \"provider\": \"openrouter\"}");

		assertThat(created.status()).isEqualTo(201);
		JsonNode body = created.json();
		assertThat(body.get("name").asString()).isEqualTo("production");
		assertThat(body.get("provider").asString()).isEqualTo("openrouter");
		assertThat(body.get("key_preview").asString()).isEqualTo("sk-or-v1-…" + key.substring(key.length() - 4));
		assertThat(body.get("is_active").asBoolean()).isTrue();
		assertThat(body.get("user_id").asString()).isEqualTo(member.id());
		assertThat(body.has("key")).isFalse();
		assertThat(created.body()).doesNotContain(key);
		Response listed = this.api.get("/api/keys").as(member.apiKey()).send();
		assertThat(listed.body()).doesNotContain(key);
		assertThat(listed.json().get("items").get(0).get("id").asString()).isEqualTo(body.get("id").asString());
		for (String field : List.of("id", "name", "provider", "key_preview", "is_active", "last_validated_at",
				"last_synced_at", "created_at")) {
			assertThat(listed.json().get("items").get(0).has(field)).as(field).isTrue();
		}
	}

	@Test
	void keepsNoPlaintextKeyInAnyColumnOfTheProviderTables() {
		User member = this.users.member();
		List<String> keys = List.of(OpenRouterFake.newKey(), OpenRouterFake.newKey());
		for (String key : keys) {
			String id = addKey(this.api, member, key, ordinaryKey("0.42"));
			assertThat(this.api.post("/api/keys/" + id + "/sync", "").as(member.apiKey()).send().status())
				.isEqualTo(200);
		}

		List<String> cells = new ArrayList<>();
		for (String table : List.of("provider_keys", "usage_stats")) {
			for (Map<String, Object> row : this.jdbc.sql("select * from " + table).query().listOfRows()) {
				row.values().forEach((value) -> cells.addAll(renderings(value)));
			}
		}

		assertThat(cells).isNotEmpty();
		for (String key : keys) {
			String secretPart = key.substring(9, key.length() - 4);
			assertThat(cells).noneMatch((cell) -> cell.contains(secretPart));
		}
	}

	@Test
	void showsEachMemberOnlyTheirOwnKeysAndAdminsAll() {
		User alice = this.users.member();
		User bob = this.users.member();
		String alicesKey = addKey(this.api, alice, OpenRouterFake.newKey());
		String bobsKey = addKey(this.api, bob, OpenRouterFake.newKey());

		assertThat(ids(this.api.get("/api/keys").as(alice.apiKey()).send())).containsExactly(alicesKey);
		assertThat(ids(this.api.get("/api/keys?page_size=100&user_id=" + bob.id()).send())).containsExactly(bobsKey);
		assertThat(this.api.get("/api/keys/" + bobsKey).send().status()).isEqualTo(200);
		assertThat(this.api.get("/api/keys?user_id=" + bob.id()).as(alice.apiKey()).send().status()).isEqualTo(403);
		assertThat(ids(this.api.get("/api/keys?user_id=" + alice.id()).as(alice.apiKey()).send()))
			.containsExactly(alicesKey);
		long everyone = this.api.get("/api/keys").send().json().get("total").asLong();
		assertThat(everyone).isGreaterThanOrEqualTo(2);
	}

	@Test
	void answersNotFoundForAnotherMembersKeyOnEveryEndpoint() {
		User alice = this.users.member();
		User bob = this.users.member();
		String bobsKey = addKey(this.api, bob, OpenRouterFake.newKey());

		List<Response> attempts = List.of(this.api.get("/api/keys/" + bobsKey).as(alice.apiKey()).send(),
				this.api.patch("/api/keys/" + bobsKey, "{\"name\":\"mine\"}").as(alice.apiKey()).send(),
				this.api.delete("/api/keys/" + bobsKey).as(alice.apiKey()).send(),
				this.api.post("/api/keys/" + bobsKey + "/sync", "").as(alice.apiKey()).send(),
				this.api.post("/api/keys/" + bobsKey + "/validate", "").as(alice.apiKey()).send());

		assertThat(attempts).allSatisfy((r) -> {
			assertThat(r.status()).isEqualTo(404);
			assertThat(r.json().get("error").asString()).isEqualTo("not_found");
		});
		JsonNode stillThere = this.api.get("/api/keys/" + bobsKey).as(bob.apiKey()).send().json();
		assertThat(stillThere.get("name").asString()).isEqualTo("mine-" + bob.username());
	}

	@Test
	void refusesBadKeysNamingTheFieldAndStoresNothing() {
		User member = this.users.member();
		String key = OpenRouterFake.newKey();

		assertRefused(member, "{\"name\":\"a\",\"key\":\"" + key + "\",\"provider\":\"anthropic\"}", "provider");
		assertRefused(member, "{\"name\":\"a\",\"key\":\"\"}", "key");
		assertRefused(member, "{\"name\":\"a\",\"key\":\"sk-or-v1-" + "a".repeat(300) + "\"}", "key");
		assertRefused(member, "{\"name\":\"a\",\"key\":\"sk-or-v1- with spaces\"}", "key");
		assertRefused(member, "{\"name\":\"a\",\"key\":\"short\"}", "key");
		assertRefused(member, "{\"key\":\"" + key + "\"}", "name");
		assertRefused(member, "{\"name\":\"" + "n".repeat(101) + "\",\"key\":\"" + key + "\"}", "name");
		assertRefused(member, "{\"name\":\"a\",\"key\":\"" + key + "\",\"is_admin\":true}", "is_admin");

		assertThat(this.api.get("/api/keys").as(member.apiKey()).send().json().get("total").asLong()).isZero();
	}

	@Test
	void letsViewersReadButNotAddKeys() {
		User viewer = this.users.create("viewer", "free");

		assertThat(this.api.get("/api/keys").as(viewer.apiKey()).send().status()).isEqualTo(200);
		Response refused = this.api.post("/api/keys", "{\"name\":\"v\",\"key\":\"" + OpenRouterFake.newKey() + "\"}")
			.as(viewer.apiKey())
			.send();
		assertThat(refused.status()).isEqualTo(403);
	}

	@Test
	void renamesAndDeactivatesAKey() {
		User member = this.users.member();
		String id = addKey(this.api, member, OpenRouterFake.newKey());

		Response renamed = this.api.patch("/api/keys/" + id, "{\"name\":\"staging\",\"is_active\":false}")
			.as(member.apiKey())
			.send();

		assertThat(renamed.status()).isEqualTo(200);
		assertThat(renamed.json().get("name").asString()).isEqualTo("staging");
		assertThat(renamed.json().get("is_active").asBoolean()).isFalse();
		assertThat(this.api.patch("/api/keys/" + id, "{}").as(member.apiKey()).send().status()).isEqualTo(400);
		assertThat(this.api.patch("/api/keys/" + id, "{\"name\":\" \"}").as(member.apiKey()).send().status())
			.isEqualTo(422);
		assertThat(this.api.patch("/api/keys/" + id, "{\"colour\":\"red\"}").as(member.apiKey()).send().status())
			.isEqualTo(422);
		Response sync = this.api.post("/api/keys/" + id + "/sync", "").as(member.apiKey()).send();
		assertThat(sync.status()).isEqualTo(409);
	}

	@Test
	void learnsTheKeyTypeAndLimitsWhenOpenRouterAcceptsTheKey() {
		User member = this.users.member();
		String key = OpenRouterFake.newKey();
		String id = addKey(this.api, member, key, ordinaryKey("3.5"));

		Response validated = this.api.post("/api/keys/" + id + "/validate", "").as(member.apiKey()).send();

		assertThat(validated.status()).isEqualTo(200);
		assertThat(validated.json().get("valid").asBoolean()).isTrue();
		assertThat(validated.json().get("key_type").asString()).isEqualTo("ordinary");
		JsonNode stored = this.api.get("/api/keys/" + id).as(member.apiKey()).send().json();
		assertThat(stored.get("key_type").asString()).isEqualTo("ordinary");
		assertThat(stored.get("limit").asString()).isEqualTo("100");
		assertThat(stored.get("limit_remaining").asString()).isEqualTo("74.5");
		assertThat(stored.get("limit_reset").asString()).isEqualTo("monthly");
		assertThat(stored.get("last_validated_at").isNull()).isFalse();
	}

	@Test
	void deactivatesAndAuditsAKeyOpenRouterRefuses() {
		User member = this.users.member();
		String key = OpenRouterFake.newKey();
		String id = addKey(this.api, member, key,
				json(401, "{\"error\":{\"message\":\"User not found.\",\"code\":401}}"));

		Response validated = this.api.post("/api/keys/" + id + "/validate", "").as(member.apiKey()).send();

		assertThat(validated.status()).isEqualTo(200);
		assertThat(validated.json().get("valid").asBoolean()).isFalse();
		assertThat(validated.json().get("is_active").asBoolean()).isFalse();
		assertThat(validated.json().get("message").asString()).contains("User not found.");
		assertThat(this.api.get("/api/keys/" + id).as(member.apiKey()).send().json().get("is_active").asBoolean())
			.isFalse();
		JsonNode audit = auditOf(id);
		assertThat(eventTypes(audit)).contains("provider_key.invalidated", "provider_key.added");
	}

	@Test
	void changesNothingWhenOpenRouterFailsToAnswer() {
		User member = this.users.member();
		String key = OpenRouterFake.newKey();
		String id = addKey(this.api, member, key, json(500, error(500, "Internal Server Error")));

		Response validated = this.api.post("/api/keys/" + id + "/validate", "").as(member.apiKey()).send();

		assertThat(validated.status()).isEqualTo(502);
		assertThat(validated.json().get("error").asString()).isEqualTo("provider_error");
		assertThat(validated.json().get("message").asString()).contains("500: Internal Server Error");
		JsonNode stored = this.api.get("/api/keys/" + id).as(member.apiKey()).send().json();
		assertThat(stored.get("is_active").asBoolean()).isTrue();
		assertThat(stored.get("last_validated_at").isNull()).isTrue();
		assertThat(eventTypes(auditOf(id))).containsExactly("provider_key.added");
	}

	@Test
	void auditsAddingAndRemovingAKeyWithoutTheKey() {
		User member = this.users.member();
		String key = OpenRouterFake.newKey();
		String id = addKey(this.api, member, key);

		assertThat(this.api.delete("/api/keys/" + id).as(member.apiKey()).send().status()).isEqualTo(204);

		JsonNode audit = auditOf(id);
		assertThat(eventTypes(audit)).containsExactly("provider_key.removed", "provider_key.added");
		assertThat(audit.get("items").get(0).get("actor").asString()).isEqualTo(member.username());
		assertThat(audit.toString()).doesNotContain(key.substring(9, key.length() - 4));
		assertThat(this.api.get("/api/keys/" + id).as(member.apiKey()).send().status()).isEqualTo(404);
	}

	private Response add(User user, String body) {
		return this.api.post("/api/keys", body).as(user.apiKey()).send();
	}

	private void assertRefused(User user, String body, String field) {
		Response refused = add(user, body);
		assertThat(refused.status()).as(body).isEqualTo(422);
		assertThat(refused.json().get("error").asString()).isEqualTo("validation_error");
		assertThat(refused.json().get("errors").findValuesAsString("field")).as(body).contains(field);
	}

	private JsonNode auditOf(String keyId) {
		return this.api.get("/api/v2/audit?resource_type=provider_key&resource_id=" + keyId).send().json();
	}

	private static List<String> eventTypes(JsonNode page) {
		return page.get("items").findValuesAsString("event_type");
	}

	private static List<String> ids(Response page) {
		assertThat(page.status()).isEqualTo(200);
		return page.json().get("items").findValuesAsString("id");
	}

	private static List<String> renderings(Object value) {
		if (value instanceof byte[] bytes) {
			return List.of(new String(bytes, StandardCharsets.ISO_8859_1), Base64.getEncoder().encodeToString(bytes),
					HexFormat.of().formatHex(bytes));
		}
		return List.of(String.valueOf(value));
	}

}
