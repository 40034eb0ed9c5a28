package io.costlens.accounts.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.costlens.platform.CurrentUser;
import io.costlens.platform.Role;

/** API keys and the caller each one stands for. */
@Repository
class ApiKeyRepository {

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
			.param("now", now.atOffset(ZoneOffset.UTC))
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

}
