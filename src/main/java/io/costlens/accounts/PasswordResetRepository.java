package io.costlens.accounts;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static io.costlens.platform.DatabaseTime.utc;

/** Password-reset tokens, by hash; each works once, until it expires. */
@Repository
class PasswordResetRepository {

	private final JdbcClient jdbc;

	PasswordResetRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(UUID userId, String token, Instant expiresAt) {
		this.jdbc.sql("""
				insert into password_reset_tokens (id, user_id, token_hash, created_at, expires_at)
				values (:id, :userId, :hash, :now, :expiresAt)""")
			.param("id", UUID.randomUUID())
			.param("userId", userId)
			.param("hash", Secrets.hash(token))
			.param("now", OffsetDateTime.now(ZoneOffset.UTC))
			.param("expiresAt", utc(expiresAt))
			.update();
	}

	/**
	 * Spends a valid token and names its user; empty when it is unknown, used or expired.
	 */
	Optional<UUID> spend(String token) {
		String hash = Secrets.hash(token);
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		Optional<UUID> user = this.jdbc.sql(
				"select user_id from password_reset_tokens where token_hash = :hash and used_at is null and expires_at > :now")
			.param("hash", hash)
			.param("now", now)
			.query(UUID.class)
			.optional();
		if (user.isEmpty()) {
			return user;
		}
		int spent = this.jdbc
			.sql("update password_reset_tokens set used_at = :now where token_hash = :hash and used_at is null")
			.param("hash", hash)
			.param("now", now)
			.update();
		return (spent == 1) ? user : Optional.empty();
	}

	/** Spends every unused token of the user, so none of them works any more. */
	int voidAllOf(UUID userId) {
		return this.jdbc
			.sql("update password_reset_tokens set used_at = :now where user_id = :userId and used_at is null")
			.param("userId", userId)
			.param("now", OffsetDateTime.now(ZoneOffset.UTC))
			.update();
	}

	/** Deletes tokens that expired before {@code now}, used or not. */
	int deleteExpired(Instant now) {
		return this.jdbc.sql("delete from password_reset_tokens where expires_at < :now")
			.param("now", utc(now))
			.update();
	}

}
