package io.costlens.accounts;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Refresh tokens, by hash, grouped in families that one login starts. */
@Repository
class RefreshTokenRepository {

	private final JdbcClient jdbc;

	RefreshTokenRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(UUID userId, UUID familyId, String token, Instant expiresAt) {
		this.jdbc.sql("""
				insert into refresh_tokens (id, user_id, family_id, token_hash, created_at, expires_at)
				values (:id, :userId, :familyId, :hash, :now, :expiresAt)""")
			.param("id", UUID.randomUUID())
			.param("userId", userId)
			.param("familyId", familyId)
			.param("hash", Secrets.hash(token))
			.param("now", OffsetDateTime.now(ZoneOffset.UTC))
			.param("expiresAt", expiresAt.atOffset(ZoneOffset.UTC))
			.update();
	}

	Optional<StoredRefreshToken> find(String token) {
		return this.jdbc.sql("""
				select id, user_id, family_id, expires_at, used_at, revoked_at
				from refresh_tokens where token_hash = :hash""")
			.param("hash", Secrets.hash(token))
			.query((rs, n) -> new StoredRefreshToken(rs.getObject("id", UUID.class),
					rs.getObject("user_id", UUID.class), rs.getObject("family_id", UUID.class),
					rs.getObject("expires_at", OffsetDateTime.class).toInstant(),
					rs.getObject("used_at", OffsetDateTime.class) != null,
					rs.getObject("revoked_at", OffsetDateTime.class) != null))
			.optional();
	}

	/** Marks the token spent; false when another request spent it first. */
	boolean spend(UUID id) {
		return this.jdbc.sql("update refresh_tokens set used_at = :now where id = :id and used_at is null")
			.param("id", id)
			.param("now", OffsetDateTime.now(ZoneOffset.UTC))
			.update() == 1;
	}

	int revokeFamily(UUID familyId) {
		return this.jdbc
			.sql("update refresh_tokens set revoked_at = :now where family_id = :family and revoked_at is null")
			.param("family", familyId)
			.param("now", OffsetDateTime.now(ZoneOffset.UTC))
			.update();
	}

	int revokeAllOf(UUID userId) {
		return this.jdbc.sql("update refresh_tokens set revoked_at = :now where user_id = :user and revoked_at is null")
			.param("user", userId)
			.param("now", OffsetDateTime.now(ZoneOffset.UTC))
			.update();
	}

	/** Deletes tokens that expired before {@code now}; they can never be used again. */
	int deleteExpired(Instant now) {
		return this.jdbc.sql("delete from refresh_tokens where expires_at < :now")
			.param("now", now.atOffset(ZoneOffset.UTC))
			.update();
	}

	record StoredRefreshToken(UUID id, UUID userId, UUID familyId, Instant expiresAt, boolean used, boolean revoked) {

		boolean expired() {
			return Instant.now().isAfter(this.expiresAt);
		}

	}

}
