package io.costlens.accounts.internal;

import java.time.ZoneOffset;
import java.time.Instant;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.costlens.platform.Role;

/** The user accounts. */
@Repository
class UserRepository {

	private final JdbcClient jdbc;

	UserRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long count() {
		return this.jdbc.sql("select count(*) from users").query(Long.class).single();
	}

	void insert(UUID id, String username, String passwordHash, Role role, String tier, Instant now) {
		this.jdbc.sql("""
				insert into users (id, username, password_hash, role, tier, is_active, created_at, updated_at)
				values (:id, :username, :hash, :role, :tier, true, :now, :now)""")
			.param("id", id)
			.param("username", username)
			.param("hash", passwordHash)
			.param("role", role.value())
			.param("tier", tier)
			.param("now", now.atOffset(ZoneOffset.UTC))
			.update();
	}

}
