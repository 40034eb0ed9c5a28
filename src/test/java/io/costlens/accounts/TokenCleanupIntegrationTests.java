package io.costlens.accounts;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.costlens.IntegrationTest;
import io.costlens.TestScheduler;
import io.costlens.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The hourly job deletes expired refresh and password-reset tokens and keeps valid ones.
 */
@IntegrationTest
@Import(TestScheduler.class)
class TokenCleanupIntegrationTests {

	@Autowired
	TestUsers users;

	@Autowired
	TestScheduler scheduler;

	@Autowired
	JdbcClient jdbc;

	@Test
	void deletesExpiredTokensOnly() {
		UUID user = UUID.fromString(this.users.member().id());
		UUID expiredRefresh = refreshToken(user, Instant.now().minusSeconds(60));
		UUID validRefresh = refreshToken(user, Instant.now().plusSeconds(3600));
		UUID expiredReset = resetToken(user, Instant.now().minusSeconds(60));
		UUID validReset = resetToken(user, Instant.now().plusSeconds(3600));

		this.scheduler.runNow("accounts-delete-expired-tokens");

		await().atMost(Duration.ofSeconds(20))
			.until(() -> !exists("refresh_tokens", expiredRefresh) && !exists("password_reset_tokens", expiredReset));
		assertThat(exists("refresh_tokens", validRefresh)).isTrue();
		assertThat(exists("password_reset_tokens", validReset)).isTrue();
	}

	private UUID refreshToken(UUID user, Instant expiresAt) {
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				insert into refresh_tokens (id, user_id, family_id, token_hash, created_at, expires_at)
				values (:id, :user, :family, :hash, :now, :expires)""")
			.param("id", id)
			.param("user", user)
			.param("family", UUID.randomUUID())
			.param("hash", id.toString().replace("-", ""))
			.param("now", Instant.now().minusSeconds(7200).atOffset(ZoneOffset.UTC))
			.param("expires", expiresAt.atOffset(ZoneOffset.UTC))
			.update();
		return id;
	}

	private UUID resetToken(UUID user, Instant expiresAt) {
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				insert into password_reset_tokens (id, user_id, token_hash, created_at, expires_at)
				values (:id, :user, :hash, :now, :expires)""")
			.param("id", id)
			.param("user", user)
			.param("hash", id.toString().replace("-", ""))
			.param("now", Instant.now().minusSeconds(7200).atOffset(ZoneOffset.UTC))
			.param("expires", expiresAt.atOffset(ZoneOffset.UTC))
			.update();
		return id;
	}

	private boolean exists(String table, UUID id) {
		return this.jdbc.sql("select count(*) from " + table + " where id = :id")
			.param("id", id)
			.query(Integer.class)
			.single() == 1;
	}

}
