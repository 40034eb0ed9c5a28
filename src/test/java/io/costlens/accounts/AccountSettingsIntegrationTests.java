package io.costlens.accounts;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.test.context.TestPropertySource;

import io.costlens.IntegrationTest;
import io.costlens.TestApi;
import io.costlens.TestApi.Response;
import io.costlens.TestUsers;
import io.costlens.TestUsers.User;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The accounts settings that change who may do what: open registration (which may not
 * choose a role or tier), the cap on API keys per user, and the signing key given under
 * the specification's name {@code costlens.security.jwt-secret}.
 */
@IntegrationTest
@TestPropertySource(properties = { "costlens.accounts.open-registration=true",
		"costlens.accounts.max-api-keys-per-user=3", "costlens.accounts.jwt-secret=",
		"costlens.security.jwt-secret=" + AccountSettingsIntegrationTests.SECRET })
class AccountSettingsIntegrationTests {

	static final String SECRET = "a test signing secret of more than 32 characters";

	@Autowired
	TestApi api;

	@Autowired
	TestUsers users;

	@Test
	void letsAnyoneRegisterAsAMemberOnTheFreeTier() {
		String username = "self-" + UUID.randomUUID().toString().substring(0, 8);

		Response created = this.api.post("/api/v2/auth/register", registration(username, "")).anonymous().send();

		assertThat(created.status()).isEqualTo(201);
		assertThat(created.json().get("role").asString()).isEqualTo("member");
		assertThat(created.json().get("tier").asString()).isEqualTo("free");
	}

	@Test
	void refusesAnOpenRegistrationThatChoosesItsRoleOrTierNamingTheField() {
		String username = "climber-" + UUID.randomUUID().toString().substring(0, 8);
		User member = this.users.member();

		Response role = this.api.post("/api/v2/auth/register", registration(username, ",\"role\":\"admin\""))
			.anonymous()
			.send();
		Response tier = this.api.post("/api/v2/auth/register", registration(username, ",\"tier\":\"enterprise\""))
			.as(member.apiKey())
			.send();

		assertThat(role.status()).isEqualTo(422);
		assertThat(role.contentType()).startsWith("application/problem+json");
		assertThat(role.json().get("errors").get(0).get("field").asString()).isEqualTo("role");
		assertThat(tier.status()).isEqualTo(422);
		assertThat(tier.json().get("errors").get(0).get("field").asString()).isEqualTo("tier");
		assertThat(this.api.get("/api/v2/users?page_size=100").send().body()).doesNotContain(username);
	}

	@Test
	void stillLetsAnAdminChooseTheRole() {
		String username = "helper-" + UUID.randomUUID().toString().substring(0, 8);

		Response created = this.api.post("/api/v2/auth/register", registration(username, ",\"role\":\"admin\"")).send();

		assertThat(created.status()).isEqualTo(201);
		assertThat(created.json().get("role").asString()).isEqualTo("admin");
	}

	@Test
	void capsTheActiveApiKeysOfAUser() {
		User member = this.users.member();
		assertThat(createKey(member, "second").status()).isEqualTo(201);
		Response third = createKey(member, "third");
		assertThat(third.status()).isEqualTo(201);

		Response fourth = createKey(member, "fourth");

		assertThat(fourth.status()).isEqualTo(409);
		assertThat(fourth.contentType()).startsWith("application/problem+json");
		assertThat(fourth.json().get("detail").asString()).contains("at most 3");
		assertThat(this.api.get("/api/v2/api-keys").as(member.apiKey()).send().json().get("total").asInt())
			.isEqualTo(3);
		this.api.delete("/api/v2/api-keys/" + third.json().get("id").asString()).as(member.apiKey()).send();
		assertThat(createKey(member, "after a revocation").status()).isEqualTo(201);
	}

	@Test
	void signsAndChecksTokensWithTheSecretGivenUnderTheSpecificationsName() {
		User member = this.users.member();
		Instant now = Instant.now();
		SecretKey key = new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
		String forged = NimbusJwtEncoder.withSecretKey(key)
			.algorithm(MacAlgorithm.HS256)
			.build()
			.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(),
					JwtClaimsSet.builder()
						.issuer("costlens")
						.subject(member.id())
						.issuedAt(now)
						.expiresAt(now.plusSeconds(600))
						.build()))
			.getTokenValue();

		Response me = this.api.get("/api/v2/auth/me").anonymous().header("Authorization", "Bearer " + forged).send();

		assertThat(me.status()).isEqualTo(200);
		assertThat(me.json().get("username").asString()).isEqualTo(member.username());
	}

	private Response createKey(User user, String name) {
		return this.api.post("/api/v2/api-keys", "{\"name\":\"" + name + "\"}").as(user.apiKey()).send();
	}

	private static String registration(String username, String extra) {
		return "{\"username\":\"" + username + "\",\"email\":\"" + username
				+ "@example.com\",\"password\":\"long-enough-password\"" + extra + "}";
	}

}
