package io.costlens.accounts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.costlens.platform.CurrentUser;
import io.costlens.platform.Role;

import static io.costlens.platform.DatabaseTime.instant;
import static io.costlens.platform.DatabaseTime.utc;

/** API keys and the caller each one stands for. */
@Repository
class ApiKeyRepository {

	private static final String COLUMNS = "k.id, k.user_id, k.name, k.key_prefix, k.key_hash, k.tier, "
			+ "coalesce(k.tier, u.tier) as effective_tier, k.is_active, k.created_at, k.last_used_at, k.revoked_at";

	private final JdbcClient jdbc;

	ApiKeyRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(UUID id, UUID userId, String name, String key, @Nullable String tier, Instant now) {
		this.jdbc.sql("""
				insert into api_keys (id, user_id, name, key_prefix, key_hash, tier, is_active, created_at)
				values (:id, :userId, :name, :prefix, :hash, :tier, true, :now)""")
			.param("id", id)
			.param("userId", userId)
			.param("name", name)
			.param("prefix", ApiKeyMaterial.preview(key))
			.param("hash", ApiKeyMaterial.hash(key))
			.param("tier", tier)
			.param("now", utc(now))
			.update();
	}

	/** The caller behind an active key of an active user. */
	Optional<CurrentUser> findCaller(String keyHash) {
		return this.jdbc.sql("""
				select u.id, u.username, u.role, coalesce(k.tier, u.tier) as tier, k.id as key_id
				from api_keys k join users u on u.id = k.user_id
				where k.key_hash = :hash and k.is_active and u.is_active""")
			.param("hash", keyHash)
			.query((rs, n) -> new CurrentUser(rs.getObject("id", UUID.class), rs.getString("username"),
					Role.of(rs.getString("role")), rs.getString("tier"), rs.getObject("key_id", UUID.class)))
			.optional();
	}

	void touch(UUID keyId) {
		this.jdbc.sql("update api_keys set last_used_at = :now where id = :id")
			.param("id", keyId)
			.param("now", OffsetDateTime.now(ZoneOffset.UTC))
			.update();
	}

	/** How many keys of the user work (not revoked). */
	long countActive(UUID userId) {
		return this.jdbc.sql("select count(*) from api_keys where user_id = :userId and is_active")
			.param("userId", userId)
			.query(Long.class)
			.single();
	}

	List<ApiKey> findByUser(UUID userId) {
		return this.jdbc
			.sql("select " + COLUMNS + " from api_keys k join users u on u.id = k.user_id "
					+ "where k.user_id = :user order by k.created_at, k.name")
			.param("user", userId)
			.query(ApiKeyRepository::apiKey)
			.list();
	}

	Optional<ApiKey> findById(UUID id) {
		return this.jdbc.sql("select " + COLUMNS + " from api_keys k join users u on u.id = k.user_id where k.id = :id")
			.param("id", id)
			.query(ApiKeyRepository::apiKey)
			.optional();
	}

	void revoke(UUID id) {
		this.jdbc.sql("update api_keys set is_active = false, revoked_at = :now where id = :id and is_active")
			.param("id", id)
			.param("now", OffsetDateTime.now(ZoneOffset.UTC))
			.update();
	}

	private static ApiKey apiKey(ResultSet rs, int n) throws SQLException {
		OffsetDateTime lastUsed = rs.getObject("last_used_at", OffsetDateTime.class);
		return new ApiKey(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class), rs.getString("name"),
				rs.getString("key_prefix"), rs.getString("key_hash"), rs.getString("effective_tier"),
				rs.getBoolean("is_active"), instant(rs, "created_at"),
				(lastUsed != null) ? lastUsed.toInstant() : null);
	}

}
