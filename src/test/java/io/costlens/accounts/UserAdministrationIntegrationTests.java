package io.costlens.accounts;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import io.costlens.IntegrationTest;
import io.costlens.TestApi;
import io.costlens.TestApi.Response;
import io.costlens.TestUsers;
import io.costlens.TestUsers.User;

import static org.assertj.core.api.Assertions.assertThat;

/** Admin-only user management, and what it changes for the user at once. */
@IntegrationTest
class UserAdministrationIntegrationTests {

	@Autowired
	TestApi api;

	@Autowired
	TestUsers users;

	@Test
	void listsUsersPagedForAdmins() {
		this.users.member();

		Response page = this.api.get("/api/v2/users?page=1&page_size=2").send();

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.json().get("items")).hasSize(2);
		assertThat(page.json().get("total").asLong()).isGreaterThanOrEqualTo(2);
		assertThat(page.json().get("page_size").asInt()).isEqualTo(2);
		assertThat(page.body()).doesNotContain("password");
	}

	@Test
	void keepsNonAdminsOutOfUserManagement() {
		User member = this.users.member();

		assertThat(this.api.get("/api/v2/users").as(member.apiKey()).send().status()).isEqualTo(403);
		Response selfPromotion = this.api.patch("/api/v2/users/" + member.id(), "{\"role\":\"admin\"}")
			.as(member.apiKey())
			.send();
		assertThat(selfPromotion.status()).isEqualTo(403);
		assertThat(this.api.get("/api/v2/auth/me").as(member.apiKey()).send().json().get("role").asString())
			.isEqualTo("member");
	}

	@Test
	void appliesARoleAndTierChangeAtOnce() {
		User member = this.users.member();
		assertThat(this.api.get("/api/v2/auth/me").as(member.apiKey()).send().json().get("tier").asString())
			.isEqualTo("free");

		Response changed = this.api.patch("/api/v2/users/" + member.id(), "{\"role\":\"viewer\",\"tier\":\"premium\"}")
			.send();

		assertThat(changed.status()).isEqualTo(200);
		Response me = this.api.get("/api/v2/auth/me").as(member.apiKey()).send();
		assertThat(me.json().get("role").asString()).isEqualTo("viewer");
		assertThat(me.json().get("tier").asString()).isEqualTo("premium");
	}

	@Test
	void refusesTheApiKeyOfADeactivatedUser() {
		User member = this.users.member();
		assertThat(this.api.get("/api/v2/auth/me").as(member.apiKey()).send().status()).isEqualTo(200);

		this.api.patch("/api/v2/users/" + member.id(), "{\"is_active\":false}").send();

		Response response = this.api.get("/api/v2/auth/me").as(member.apiKey()).send();
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.json().get("error").asString()).isEqualTo("unauthorized");
	}

	@Test
	void auditsAdminChanges() {
		User member = this.users.member();

		this.api.patch("/api/v2/users/" + member.id(), "{\"tier\":\"enterprise\"}").send();

		Response audit = this.api.get("/api/v2/audit?event_type=admin.user_updated&resource_id=" + member.id()).send();
		assertThat(audit.json().get("total").asLong()).isEqualTo(1);
		assertThat(audit.json().get("items").get(0).get("details").get("tier").get(1).asString())
			.isEqualTo("enterprise");
		assertThat(audit.json().get("items").get(0).get("actor").asString()).isEqualTo("admin");
	}

}
