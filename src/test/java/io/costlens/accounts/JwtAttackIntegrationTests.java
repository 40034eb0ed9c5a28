package io.costlens.accounts;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
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

import io.costlens.IntegrationTest;
import io.costlens.TestApi;
import io.costlens.TestApi.Response;
import io.costlens.TestUsers;
import io.costlens.TestUsers.User;
import io.costlens.platform.DataDirectory;

import static org.assertj.core.api.Assertions.assertThat;

/** Forged, tampered and stale access tokens are all refused with 401. */
@IntegrationTest
class JwtAttackIntegrationTests {

	@Autowired
	TestApi api;

	@Autowired
	TestUsers users;

	@Autowired
	DataDirectory dataDirectory;

	@Test
	void acceptsAGenuineToken() {
		User user = this.users.member();

		assertThat(me(tokenOf(user)).status()).isEqualTo(200);
	}

	@Test
	void refusesATokenWithAlgNone() {
		User user = this.users.member();
		String payload = tokenOf(user).split("\\.")[1];
		String header = base64("{\"alg\":\"none\",\"typ\":\"JWT\"}");

		assertUnauthorized(me(header + "." + payload + "."));
	}

	@Test
	void refusesATokenSignedWithAnotherKey() {
		User user = this.users.member();
		byte[] otherKey = new byte[32];
		new SecureRandom().nextBytes(otherKey);

		assertUnauthorized(me(sign(otherKey, user, Instant.now().plusSeconds(600), "costlens")));
	}

	@Test
	void refusesATokenWhosePayloadWasChanged() throws Exception {
		User user = this.users.member();
		String[] parts = tokenOf(user).split("\\.");
		String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
			.replace("\"member\"", "\"admin\"");

		assertUnauthorized(me(parts[0] + "." + base64(payload) + "." + parts[2]));
	}

	@Test
	void refusesAnExpiredToken() throws Exception {
		User user = this.users.member();

		assertUnauthorized(me(sign(realKey(), user, Instant.now().minusSeconds(120), "costlens")));
	}

	@Test
	void refusesATokenWithoutExp() throws Exception {
		User user = this.users.member();
		JwtClaimsSet claims = JwtClaimsSet.builder()
			.issuer("costlens")
			.subject(user.id())
			.id(UUID.randomUUID().toString())
			.issuedAt(Instant.now())
			.build();

		assertUnauthorized(me(sign(realKey(), claims)));
	}

	@Test
	void refusesATokenThatLivesLongerThanTheConfiguredLifetime() throws Exception {
		User user = this.users.member();
		Instant now = Instant.now();
		JwtClaimsSet claims = JwtClaimsSet.builder()
			.issuer("costlens")
			.subject(user.id())
			.id(UUID.randomUUID().toString())
			.issuedAt(now)
			.expiresAt(now.plus(Duration.ofDays(365)))
			.build();

		assertUnauthorized(me(sign(realKey(), claims)));
	}

	@Test
	void acceptsATokenOfExactlyTheConfiguredLifetimeSignedWithTheRealKey() throws Exception {
		User user = this.users.member();

		assertThat(me(sign(realKey(), user, Instant.now().plusSeconds(1800), "costlens")).status()).isEqualTo(200);
	}

	@Test
	void refusesATokenFromAnotherIssuer() throws Exception {
		User user = this.users.member();

		assertUnauthorized(me(sign(realKey(), user, Instant.now().plusSeconds(600), "someone-else")));
	}

	@Test
	void refusesTheTokenOfADeactivatedUser() {
		User user = this.users.member();
		String token = tokenOf(user);

		this.api.patch("/api/v2/users/" + user.id(), "{\"is_active\":false}").send();

		assertUnauthorized(me(token));
	}

	private String tokenOf(User user) {
		Response login = this.api
			.post("/api/v2/auth/login",
					"{\"username\":\"" + user.username() + "\",\"password\":\"" + user.password() + "\"}")
			.anonymous()
			.send();
		return login.json().get("access_token").asString();
	}

	private Response me(String token) {
		return this.api.get("/api/v2/auth/me").anonymous().header("Authorization", "Bearer " + token).send();
	}

	private byte[] realKey() throws Exception {
		return Base64.getDecoder().decode(Files.readString(this.dataDirectory.resolve("jwt-secret")).strip());
	}

	private static String sign(byte[] keyBytes, User user, Instant expiresAt, String issuer) {
		JwtClaimsSet claims = JwtClaimsSet.builder()
			.issuer(issuer)
			.subject(user.id())
			.id(UUID.randomUUID().toString())
			.issuedAt(expiresAt.minusSeconds(1800))
			.expiresAt(expiresAt)
			.claim("role", "admin")
			.build();
		return sign(keyBytes, claims);
	}

	private static String sign(byte[] keyBytes, JwtClaimsSet claims) {
		SecretKey key = new SecretKeySpec(keyBytes, "HmacSHA256");
		return NimbusJwtEncoder.withSecretKey(key)
			.algorithm(MacAlgorithm.HS256)
			.build()
			.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
			.getTokenValue();
	}

	private static String base64(String json) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
	}

	private static void assertUnauthorized(Response response) {
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.json().get("error").asString()).isEqualTo("unauthorized");
	}

}
