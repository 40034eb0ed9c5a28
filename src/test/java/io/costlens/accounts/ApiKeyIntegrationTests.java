package io.costlens.accounts;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import io.costlens.IntegrationTest;
import io.costlens.TestApi;
import io.costlens.TestApi.Response;
import io.costlens.TestUsers;
import io.costlens.TestUsers.User;

import static org.assertj.core.api.Assertions.assertThat;

/** Creating, listing and revoking API keys, and who may see whose. */
@IntegrationTest
class ApiKeyIntegrationTests {

	@Autowired
	TestApi api;

	@Autowired
	TestUsers users;

	@Test
	void showsANewKeyOnceAndListsItWithoutTheKey() {
		User user = this.users.member();

		Response created = this.api.post("/api/v2/api-keys", "{\"name\":\"ci\"}").as(user.apiKey()).send();

		assertThat(created.status()).isEqualTo(201);
		String key = created.json().get("key").asString();
		assertThat(key).startsWith("clk_");
		assertThat(created.json().get("tier").asString()).isEqualTo("free");
		assertThat(this.api.get("/api/v2/auth/me").as(key).send().status()).isEqualTo(200);
		Response list = this.api.get("/api/v2/api-keys").as(user.apiKey()).send();
		assertThat(list.json().get("total").asInt()).isEqualTo(2);
		assertThat(list.body()).doesNotContain(key).doesNotContain(user.apiKey());
		JsonNode listed = list.json().get("items").get(1);
		assertThat(listed.get("name").asString()).isEqualTo("ci");
		assertThat(listed.get("key_preview").asString()).isEqualTo(key.substring(0, 12));
		assertThat(listed.get("is_active").asBoolean()).isTrue();
		assertThat(listed.has("created_at")).isTrue();
		assertThat(listed.has("last_used_at")).isTrue();
	}

	@Test
	void stopsARevokedKeyAtOnce() {
		User user = this.users.member();
		assertThat(this.api.get("/api/v2/auth/me").as(user.apiKey()).send().status()).isEqualTo(200);

		Response revoked = this.api.delete("/api/v2/api-keys/" + user.apiKeyId()).as(user.apiKey()).send();

		assertThat(revoked.status()).isEqualTo(204);
		assertThat(this.api.get("/api/v2/auth/me").as(user.apiKey()).send().status()).isEqualTo(401);
	}

	@Test
	void hidesAnotherMembersKeysFromListingReadingAndRevoking() {
		User a = this.users.member();
		User b = this.users.member();

		Response list = this.api.get("/api/v2/api-keys?user_id=" + b.id()).as(a.apiKey()).send();
		Response read = this.api.get("/api/v2/api-keys/" + b.apiKeyId()).as(a.apiKey()).send();
		Response revoke = this.api.delete("/api/v2/api-keys/" + b.apiKeyId()).as(a.apiKey()).send();
		Response ownList = this.api.get("/api/v2/api-keys").as(a.apiKey()).send();

		assertThat(list.status()).isEqualTo(403);
		assertThat(read.status()).isEqualTo(404);
		assertThat(revoke.status()).isEqualTo(404);
		assertThat(ownList.body()).doesNotContain(b.apiKeyId());
		assertThat(this.api.get("/api/v2/auth/me").as(b.apiKey()).send().status()).isEqualTo(200);
	}

	@Test
	void letsOnlyAdminsChooseAKeysTier() {
		User member = this.users.member();

		Response byMember = this.api.post("/api/v2/api-keys", "{\"name\":\"sneaky\",\"tier\":\"unlimited\"}")
			.as(member.apiKey())
			.send();
		Response byAdmin = this.api
			.post("/api/v2/api-keys?user_id=" + member.id(), "{\"name\":\"service\",\"tier\":\"unlimited\"}")
			.send();

		assertThat(byMember.status()).isEqualTo(403);
		assertThat(byAdmin.status()).isEqualTo(201);
		assertThat(byAdmin.json().get("tier").asString()).isEqualTo("unlimited");
		assertThat(byAdmin.json().get("user_id").asString()).isEqualTo(member.id());
	}

	@Test
	void letsAdminsListAndRevokeAnyonesKeys() {
		User member = this.users.member();

		Response list = this.api.get("/api/v2/api-keys?user_id=" + member.id()).send();
		Response revoke = this.api.delete("/api/v2/api-keys/" + member.apiKeyId()).send();

		assertThat(list.json().get("items").get(0).get("id").asString()).isEqualTo(member.apiKeyId());
		assertThat(revoke.status()).isEqualTo(204);
	}

	@Test
	void keepsViewersFromCreatingKeys() {
		User viewer = this.users.create("viewer", "free");

		assertThat(this.api.post("/api/v2/api-keys", "{\"name\":\"x\"}").as(viewer.apiKey()).send().status())
			.isEqualTo(403);
		assertThat(this.api.get("/api/v2/api-keys").as(viewer.apiKey()).send().status()).isEqualTo(200);
	}

	@Test
	void rejectsTextFieldsOverTheirLimitNamingTheField() {
		Response response = this.api.post("/api/v2/api-keys", "{\"name\":\"" + "x".repeat(101) + "\"}").send();

		assertThat(response.status()).isEqualTo(422);
		assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("name");
	}

}
