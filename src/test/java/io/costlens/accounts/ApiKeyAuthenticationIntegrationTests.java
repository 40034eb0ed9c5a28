package io.costlens.accounts;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.costlens.IntegrationTest;
import io.costlens.TestApi;
import io.costlens.TestApi.Response;
import io.costlens.platform.Role;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class ApiKeyAuthenticationIntegrationTests {

	@Autowired
	TestApi api;

	@Autowired
	UserRepository users;

	@Autowired
	ApiKeyRepository keys;

	@Autowired
	JdbcClient jdbc;

	@Test
	void acceptsTheKeyAsXApiKeyHeader() {
		Response response = this.api.get("/api/v2/auth/me").send();

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().get("username").asString()).isEqualTo("admin");
		assertThat(response.json().get("role").asString()).isEqualTo("admin");
		assertThat(response.json().get("tier").asString()).isEqualTo("unlimited");
	}

	@Test
	void acceptsTheKeyAsBearerToken() {
		Response response = this.api.get("/api/v2/auth/me")
			.anonymous()
			.header("Authorization", "Bearer " + TestApi.ADMIN_KEY)
			.send();

		assertThat(response.status()).isEqualTo(200);
	}

	@Test
	void storesKeysOnlyAsHashes() {
		long plain = this.jdbc.sql("select count(*) from api_keys where key_hash = :key or key_prefix = :key")
			.param("key", TestApi.ADMIN_KEY)
			.query(Long.class)
			.single();
		long hashed = this.jdbc.sql("select count(*) from api_keys where key_hash = :hash")
			.param("hash", ApiKeyMaterial.hash(TestApi.ADMIN_KEY))
			.query(Long.class)
			.single();

		assertThat(plain).isZero();
		assertThat(hashed).isOne();
	}

	@Test
	void letsViewersReadButNotWrite() {
		String viewerKey = newUserWithKey(Role.VIEWER, true);

		assertThat(this.api.get("/api/v2/auth/me").as(viewerKey).send().json().get("role").asString())
			.isEqualTo("viewer");
		Response write = this.api.post("/api/v1/anything", "{}").as(viewerKey).send();
		assertThat(write.status()).isEqualTo(403);
		assertThat(write.json().get("error").asString()).isEqualTo("forbidden");
	}

	@Test
	void letsMembersWrite() {
		String memberKey = newUserWithKey(Role.MEMBER, true);

		// no such endpoint: a member gets past authorization and meets the 404
		assertThat(this.api.post("/api/v1/anything", "{}").as(memberKey).send().status()).isEqualTo(404);
	}

	@Test
	void refusesKeysOfDeactivatedUsers() {
		String key = newUserWithKey(Role.MEMBER, false);

		Response response = this.api.get("/api/v2/auth/me").as(key).send();
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.json().get("error").asString()).isEqualTo("unauthorized");
	}

	@Test
	void saysARevokedOrMistypedKeyWasNotAcceptedRatherThanMissing() {
		String key = newUserWithKey(Role.MEMBER, true);
		UUID keyId = this.keys.findCaller(ApiKeyMaterial.hash(key)).orElseThrow().apiKeyId();
		this.api.delete("/api/v2/api-keys/" + keyId).send();

		for (Response refused : List.of(this.api.get("/api/v2/scenarios").as(key).send(),
				this.api.get("/api/v2/scenarios").as(TestApi.ADMIN_KEY + "x").send(),
				this.api.post("/ingest", "{}").as("clk_mistyped").send(),
				this.api.get("/api/v2/scenarios").anonymous().header("Authorization", "Bearer a.b.c").send())) {
			assertThat(refused.status()).isEqualTo(401);
			assertThat(refused.contentType()).startsWith("application/problem+json");
			assertThat(refused.json().get("detail").asString()).contains("credentials were not accepted")
				.doesNotContain("Authentication required");
		}
		Response missing = this.api.get("/api/v2/scenarios").anonymous().send();
		assertThat(missing.json().get("detail").asString()).startsWith("Authentication required");
	}

	@Test
	void requiresCredentialsOnEveryProtectedPrefix() {
		for (String path : new String[] { "/api/v1/scenarios", "/api/v2/auth/me", "/ingest", "/flush",
				"/ws/metrics" }) {
			assertThat(this.api.get(path).anonymous().send().status()).as(path).isEqualTo(401);
		}
		assertThat(this.api.post("/ingest", "{}").anonymous().send().status()).isEqualTo(401);
	}

	private String newUserWithKey(Role role, boolean active) {
		UUID userId = UUID.randomUUID();
		String name = role.value() + "-" + userId.toString().substring(0, 8);
		this.users.insert(userId, name, "{noop}unused", role, "free", Instant.now());
		if (!active) {
			this.jdbc.sql("update users set is_active = false where id = :id").param("id", userId).update();
		}
		String key = ApiKeyMaterial.generate();
		this.keys.insert(UUID.randomUUID(), userId, "test", key, null, Instant.now());
		return key;
	}

}
