package io.costlens.accounts;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import io.costlens.IntegrationTest;
import io.costlens.TestApi;
import io.costlens.TestApi.Response;
import io.costlens.TestUsers;
import io.costlens.TestUsers.User;
import io.costlens.audit.Audit;
import io.costlens.notifications.Notification;
import io.costlens.notifications.Notifications;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Logging in and out, refresh-token rotation, registration and passwords. Requests carry
 * a client IP of their own (through {@code X-Forwarded-For}, which the test trusts), so
 * the per-IP login delays of one test do not reach the others. The longest wait of a
 * username is 2 s here, so the tests can wait it out.
 */
@IntegrationTest
@TestPropertySource(properties = { "server.forward-headers-strategy=native",
		"costlens.accounts.login-throttle.max-delay-per-user=2s" })
@Import(AuthIntegrationTests.Outbox.class)
class AuthIntegrationTests {

	@Autowired
	TestApi api;

	@Autowired
	TestUsers users;

	@Autowired
	Outbox outbox;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Audit audit;

	private final String ip = "10.1." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250);

	@Test
	void logsInAtBothEndpointsWithTokensOfTheSameShape() {
		User user = this.users.member();

		for (String path : new String[] { "/auth/token", "/api/v2/auth/login" }) {
			Response response = this.api
				.post(path, "{\"username\":\"" + user.username() + "\",\"password\":\"" + user.password() + "\"}")
				.anonymous()
				.header("X-Forwarded-For", this.ip)
				.send();

			assertThat(response.status()).as(path).isEqualTo(200);
			JsonNode body = response.json();
			assertThat(body.get("token_type").asString()).isEqualTo("bearer");
			assertThat(body.get("expires_in").asLong()).isEqualTo(1800);
			assertThat(body.get("access_token").asString().split("\\.")).hasSize(3);
			assertThat(body.get("refresh_token").asString()).hasSizeGreaterThan(30);
		}
	}

	@Test
	void acceptsTheAccessTokenAsBearer() {
		User user = this.users.member();
		String token = login(user.username(), user.password()).json().get("access_token").asString();

		Response me = bearer(this.api.get("/api/v2/auth/me"), token).send();

		assertThat(me.status()).isEqualTo(200);
		assertThat(me.json().get("username").asString()).isEqualTo(user.username());
		assertThat(me.json().get("auth_method").asString()).isEqualTo("token");
		assertThat(me.json().get("tier").asString()).isEqualTo("free");
	}

	@Test
	void answersTheSameForAnUnknownUserAndAWrongPassword() {
		User user = this.users.member();

		Response unknown = login("nobody-" + UUID.randomUUID(), "whatever-password");
		Response wrong = login(user.username(), "wrong-password-123");

		assertThat(unknown.status()).isEqualTo(401);
		assertThat(wrong.status()).isEqualTo(401);
		assertThat(unknown.json().get("detail")).isEqualTo(wrong.json().get("detail"));
		assertThat(unknown.json().get("error")).isEqualTo(wrong.json().get("error"));
		assertThat(unknown.body().replace(unknown.json().get("instance").asString(), ""))
			.isEqualTo(wrong.body().replace(wrong.json().get("instance").asString(), ""));
	}

	@Test
	void auditsEveryFailedLoginWithTheClientIp() {
		String username = "ghost-" + UUID.randomUUID().toString().substring(0, 8);

		login(username, "not-the-password");
		this.audit.seal();

		List<String> ips = this.jdbc
			.sql("select client_ip from audit_log where event_type = 'auth.login_failed' and actor = :actor")
			.param("actor", username)
			.query(String.class)
			.list();
		assertThat(ips).containsExactly(this.ip);
	}

	@Test
	void delaysTheNextLoginAfterRepeatedFailuresAndThenLetsTheOwnerIn() throws Exception {
		User user = this.users.member();
		for (int i = 0; i < 4; i++) {
			assertThat(login(user.username(), "wrong-password-" + i).status()).isEqualTo(401);
		}

		Response waiting = login(user.username(), user.password());

		assertThat(waiting.status()).isEqualTo(429);
		assertThat(waiting.json().get("error").asString()).isEqualTo("rate_limited");
		long retryAfter = Long.parseLong(waiting.header("Retry-After"));
		assertThat(retryAfter).isBetween(1L, 2L);
		Thread.sleep(retryAfter * 1000 + 100);
		assertThat(login(user.username(), user.password()).status()).as("the owner, once the wait is over")
			.isEqualTo(200);
		assertThat(login(user.username(), "wrong-password-again").status()).as("failures were forgotten")
			.isEqualTo(401);
	}

	@Test
	void doublesTheWaitWithEachFailureUpToTheCapSoTheAccountIsNeverLocked() throws Exception {
		User user = this.users.member();
		for (int i = 0; i < 4; i++) {
			login(user.username(), "wrong-password-" + i);
		}
		List<Long> waits = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			Response waiting = login(user.username(), "wrong-password");
			assertThat(waiting.status()).isEqualTo(429);
			long retryAfter = Long.parseLong(waiting.header("Retry-After"));
			waits.add(retryAfter);
			Thread.sleep(retryAfter * 1000 + 100);
			assertThat(login(user.username(), "wrong-password-" + i).status()).isEqualTo(401);
		}
		Response waiting = login(user.username(), user.password());
		long retryAfter = Long.parseLong(waiting.header("Retry-After"));
		Thread.sleep(retryAfter * 1000 + 100);

		assertThat(waits).as("1 s, 2 s, then the 2 s cap this test configures").containsExactly(1L, 2L, 2L);
		assertThat(retryAfter).isEqualTo(2L);
		assertThat(login(user.username(), user.password()).status()).isEqualTo(200);
	}

	@Test
	void delaysLoginsPerClientIpWithoutTouchingOtherClients() throws Exception {
		User user = this.users.member();
		int failures = 0;
		List<Integer> statuses = new ArrayList<>();
		// 10 free failures, then waits of 1 s and 2 s; the 13th failure starts a wait of
		// 4 s
		while (failures < 13) {
			Response response = login("someone-" + failures + "-" + UUID.randomUUID(), "wrong-password");
			statuses.add(response.status());
			if (response.status() == 429) {
				Thread.sleep(Long.parseLong(response.header("Retry-After")) * 1000 + 100);
			}
			else {
				failures++;
			}
		}

		assertThat(statuses.subList(0, 10)).as("the free failures").containsOnly(401);
		assertThat(login(user.username(), user.password()).status()).isEqualTo(429);
		assertThat(this.api
			.post("/api/v2/auth/login",
					"{\"username\":\"" + user.username() + "\",\"password\":\"" + user.password() + "\"}")
			.anonymous()
			.header("X-Forwarded-For", "10.2.0." + (int) (Math.random() * 250))
			.send()
			.status()).as("another client IP").isEqualTo(200);
	}

	@Test
	void slowsDownWrongCurrentPasswordsLikeLogins() throws Exception {
		User user = this.users.member();
		for (int i = 0; i < 4; i++) {
			assertThat(changePassword(user, "not-it-" + i, "a-brand-new-password").status()).isEqualTo(400);
		}

		Response waiting = changePassword(user, user.password(), "a-brand-new-password");

		assertThat(waiting.status()).isEqualTo(429);
		assertThat(waiting.json().get("error").asString()).isEqualTo("rate_limited");
		long retryAfter = Long.parseLong(waiting.header("Retry-After"));
		assertThat(login(user.username(), user.password()).status()).as("the same wait applies to logins")
			.isEqualTo(429);
		Thread.sleep(retryAfter * 1000 + 100);
		assertThat(changePassword(user, user.password(), "a-brand-new-password").status()).isEqualTo(204);
	}

	@Test
	void refusesAccessTokensIssuedBeforeAPasswordChangeButNotTheNextOnes() {
		User user = this.users.member();
		String before = accessToken(user.username(), user.password());

		assertThat(changePassword(user, user.password(), "a-brand-new-password").status()).isEqualTo(204);
		String after = accessToken(user.username(), "a-brand-new-password");

		assertThat(me(before).status()).isEqualTo(401);
		assertThat(me(after).status()).as("a token issued within the same second as the change").isEqualTo(200);
	}

	@Test
	void refusesAccessTokensIssuedBeforeAPasswordReset() {
		User user = this.users.member();
		String before = accessToken(user.username(), user.password());

		assertThat(confirmReset(requestReset(user), "reset-password-4567").status()).isEqualTo(204);

		assertThat(me(before).status()).isEqualTo(401);
		assertThat(me(accessToken(user.username(), "reset-password-4567")).status()).isEqualTo(200);
	}

	@Test
	void refusesEveryAccessTokenOfTheUserOnceARefreshTokenIsReused() {
		User user = this.users.member();
		JsonNode stolen = login(user.username(), user.password()).json();
		String otherLogin = accessToken(user.username(), user.password());
		String refreshed = refresh(stolen.get("refresh_token").asString()).json().get("access_token").asString();

		assertThat(refresh(stolen.get("refresh_token").asString()).status()).isEqualTo(401);

		assertThat(me(stolen.get("access_token").asString()).status()).isEqualTo(401);
		assertThat(me(refreshed).status()).isEqualTo(401);
		assertThat(me(otherLogin).status()).isEqualTo(401);
	}

	@Test
	void keepsTokensOfADeactivatedUserRefusedAfterReactivation() {
		User user = this.users.member();
		String before = accessToken(user.username(), user.password());

		this.api.patch("/api/v2/users/" + user.id(), "{\"is_active\":false}").send();
		assertThat(me(before).status()).isEqualTo(401);
		this.api.patch("/api/v2/users/" + user.id(), "{\"is_active\":true}").send();

		assertThat(me(before).status()).isEqualTo(401);
		assertThat(me(accessToken(user.username(), user.password())).status()).isEqualTo(200);
	}

	@Test
	void voidsEarlierResetTokensWhenANewOneIsRequested() {
		User user = this.users.member();
		String first = requestReset(user);
		String second = requestReset(user);

		assertThat(confirmReset(first, "reset-password-4567").status()).isEqualTo(400);
		assertThat(confirmReset(second, "reset-password-4567").status()).isEqualTo(204);
	}

	@Test
	void voidsEveryOtherResetTokenOnceAResetIsDone() {
		User user = this.users.member();
		String first = requestReset(user);
		String second = requestReset(user);
		this.jdbc.sql("update password_reset_tokens set used_at = null where user_id = :id")
			.param("id", UUID.fromString(user.id()))
			.update();

		assertThat(confirmReset(second, "reset-password-4567").status()).isEqualTo(204);

		assertThat(confirmReset(first, "other-password-4567").status()).isEqualTo(400);
		assertThat(login(user.username(), "reset-password-4567").status()).isEqualTo(200);
	}

	@Test
	void rotatesTheRefreshToken() {
		User user = this.users.member();
		String first = login(user.username(), user.password()).json().get("refresh_token").asString();

		Response refreshed = refresh(first);

		assertThat(refreshed.status()).isEqualTo(200);
		String second = refreshed.json().get("refresh_token").asString();
		assertThat(second).isNotEqualTo(first);
		assertThat(refreshed.json().get("access_token").asString()).isNotBlank();
		assertThat(refresh(second).status()).isEqualTo(200);
	}

	@Test
	void revokesTheWholeFamilyWhenASpentRefreshTokenIsReused() {
		User user = this.users.member();
		String first = login(user.username(), user.password()).json().get("refresh_token").asString();
		String second = refresh(first).json().get("refresh_token").asString();

		Response replay = refresh(first);

		assertThat(replay.status()).isEqualTo(401);
		assertThat(refresh(second).status()).as("the newer token of the same family").isEqualTo(401);
		this.audit.seal();
		assertThat(this.jdbc
			.sql("select count(*) from audit_log where event_type = 'auth.refresh_token_reused' and actor = :actor")
			.param("actor", user.username())
			.query(Long.class)
			.single()).isOne();
	}

	@Test
	void logoutRevokesTheRefreshToken() {
		User user = this.users.member();
		JsonNode tokens = login(user.username(), user.password()).json();
		String refreshToken = tokens.get("refresh_token").asString();

		Response logout = bearer(this.api.post("/api/v2/auth/logout", "{\"refresh_token\":\"" + refreshToken + "\"}"),
				tokens.get("access_token").asString())
			.send();

		assertThat(logout.status()).isEqualTo(204);
		assertThat(refresh(refreshToken).status()).isEqualTo(401);
	}

	@Test
	void changesThePasswordOnlyWithTheCurrentOne() {
		User user = this.users.member();

		Response wrong = changePassword(user, "not-it-at-all", "a-brand-new-password");
		Response right = changePassword(user, user.password(), "a-brand-new-password");

		assertThat(wrong.status()).isEqualTo(400);
		assertThat(right.status()).isEqualTo(204);
		assertThat(login(user.username(), user.password()).status()).isEqualTo(401);
		assertThat(login(user.username(), "a-brand-new-password").status()).isEqualTo(200);
	}

	@Test
	void rejectsPasswordsShorterThanTwelveCharacters() {
		User user = this.users.member();

		Response response = changePassword(user, user.password(), "short");

		assertThat(response.status()).isEqualTo(422);
		assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("new_password");
	}

	@Test
	void resetsThePasswordWithTheTokenTheNotificationCarries() {
		User user = this.users.member();

		Response requested = this.api
			.post("/api/v2/auth/password-reset", "{\"email\":\"" + user.username() + "@example.com\"}")
			.anonymous()
			.send();
		Response unknown = this.api.post("/api/v2/auth/password-reset", "{\"username\":\"nobody-at-all\"}")
			.anonymous()
			.send();

		assertThat(requested.status()).isEqualTo(202);
		assertThat(unknown.status()).isEqualTo(202);
		Notification sent = this.outbox.sent.stream()
			.filter((n) -> n.to().equals(user.username() + "@example.com"))
			.filter((n) -> n.kind() == Notification.Kind.PASSWORD_RESET)
			.findFirst()
			.orElseThrow();
		assertThat(sent.kind()).isEqualTo(Notification.Kind.PASSWORD_RESET);
		String token = sent.values().get("token");

		Response confirmed = this.api
			.post("/api/v2/auth/password-reset/confirm",
					"{\"token\":\"" + token + "\",\"new_password\":\"reset-password-4567\"}")
			.anonymous()
			.send();
		Response again = this.api
			.post("/api/v2/auth/password-reset/confirm",
					"{\"token\":\"" + token + "\",\"new_password\":\"other-password-4567\"}")
			.anonymous()
			.send();

		assertThat(confirmed.status()).isEqualTo(204);
		assertThat(again.status()).isEqualTo(400);
		assertThat(login(user.username(), "reset-password-4567").status()).isEqualTo(200);
	}

	@Test
	void registersMembersOnTheFreeTierByDefault() {
		String username = "plain-" + UUID.randomUUID().toString().substring(0, 8);

		Response created = register(username, "");

		assertThat(created.status()).isEqualTo(201);
		assertThat(created.json().get("role").asString()).isEqualTo("member");
		assertThat(created.json().get("tier").asString()).isEqualTo("free");
		assertThat(created.json().get("is_active").asBoolean()).isTrue();
		assertThat(created.body()).doesNotContain("password");
	}

	@Test
	void registersTheRoleAndTierAnAdminGives() {
		String username = "reader-" + UUID.randomUUID().toString().substring(0, 8);

		Response created = register(username, ",\"role\":\"viewer\",\"tier\":\"premium\"");

		assertThat(created.status()).isEqualTo(201);
		assertThat(created.json().get("role").asString()).isEqualTo("viewer");
		assertThat(created.json().get("tier").asString()).isEqualTo("premium");
		String token = accessToken(username, "long-enough-password");
		assertThat(me(token).json().get("role").asString()).isEqualTo("viewer");
		assertThat(bearer(this.api.post("/api/v2/scenarios", "{\"name\":\"" + username + "\"}"), token).send().status())
			.as("a viewer cannot write")
			.isEqualTo(403);
	}

	@Test
	void letsOnlyAdminsRegisterUsersWhileRegistrationIsClosed() {
		User member = this.users.member();
		String body = "{\"username\":\"intruder-1\",\"email\":\"i@example.com\",\"password\":\"long-enough-password\"}";

		assertThat(this.api.post("/api/v2/auth/register", body).anonymous().send().status()).isEqualTo(401);
		assertThat(this.api.post("/api/v2/auth/register", body).as(member.apiKey()).send().status()).isEqualTo(403);
	}

	@Test
	void refusesADuplicateUsername() {
		User user = this.users.member();

		Response duplicate = this.api
			.post("/api/v2/auth/register",
					"{\"username\":\"" + user.username()
							+ "\",\"email\":\"other@example.com\",\"password\":\"long-enough-password\"}")
			.send();

		assertThat(duplicate.status()).isEqualTo(409);
	}

	private Response login(String username, String password) {
		return this.api
			.post("/api/v2/auth/login", "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}")
			.anonymous()
			.header("X-Forwarded-For", this.ip)
			.send();
	}

	private Response changePassword(User user, String current, String changed) {
		return this.api
			.post("/api/v2/auth/password",
					"{\"current_password\":\"" + current + "\",\"new_password\":\"" + changed + "\"}")
			.as(user.apiKey())
			.header("X-Forwarded-For", this.ip)
			.send();
	}

	/** An admin's registration of the user, with the extra fields given. */
	private Response register(String username, String extra) {
		return this.api
			.post("/api/v2/auth/register",
					"{\"username\":\"" + username + "\",\"email\":\"" + username
							+ "@example.com\",\"password\":\"long-enough-password\"" + extra + "}")
			.send();
	}

	private String accessToken(String username, String password) {
		Response login = login(username, password);
		assertThat(login.status()).as(login.body()).isEqualTo(200);
		return login.json().get("access_token").asString();
	}

	private Response me(String token) {
		return bearer(this.api.get("/api/v2/auth/me"), token).send();
	}

	/** Asks for a reset of the user's password; the token the mail carries. */
	private String requestReset(User user) {
		int before = this.outbox.sent.size();
		assertThat(this.api.post("/api/v2/auth/password-reset", "{\"username\":\"" + user.username() + "\"}")
			.anonymous()
			.send()
			.status()).isEqualTo(202);
		return this.outbox.sent.subList(before, this.outbox.sent.size())
			.stream()
			.filter((n) -> n.to().equals(user.username() + "@example.com"))
			.filter((n) -> n.kind() == Notification.Kind.PASSWORD_RESET)
			.reduce((first, second) -> second)
			.orElseThrow()
			.values()
			.get("token");
	}

	private Response confirmReset(String token, String newPassword) {
		return this.api
			.post("/api/v2/auth/password-reset/confirm",
					"{\"token\":\"" + token + "\",\"new_password\":\"" + newPassword + "\"}")
			.anonymous()
			.send();
	}

	private Response refresh(String refreshToken) {
		return this.api.post("/auth/refresh", "{\"refresh_token\":\"" + refreshToken + "\"}")
			.anonymous()
			.header("X-Forwarded-For", this.ip)
			.send();
	}

	private static TestApi.Call bearer(TestApi.Call call, String token) {
		return call.anonymous().header("Authorization", "Bearer " + token);
	}

	/** Keeps every notification for the tests to read. */
	@TestConfiguration
	static class Outbox {

		final List<Notification> sent = new CopyOnWriteArrayList<>();

		@Bean
		@Primary
		Notifications recordingNotifications() {
			return this.sent::add;
		}

	}

}
