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

import io.costlens.platform.Role;

/** The user accounts. */
@Repository
class UserRepository {

	private static final String COLUMNS = "id, username, email, password_hash, role, tier, is_active, created_at";

	private final JdbcClient jdbc;

	UserRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long count() {
		return this.jdbc.sql("select count(*) from users").query(Long.class).single();
	}

	void insert(UUID id, String username, String passwordHash, Role role, String tier, Instant now) {
		insert(id, username, null, passwordHash, role, tier, now);
	}

	void insert(UUID id, String username, @Nullable String email, String passwordHash, Role role, String tier,
			Instant now) {
		this.jdbc.sql("""
				insert into users (id, username, email, password_hash, role, tier, is_active, created_at, updated_at)
				values (:id, :username, :email, :hash, :role, :tier, true, :now, :now)""")
			.param("id", id)
			.param("username", username)
			.param("email", email)
			.param("hash", passwordHash)
			.param("role", role.value())
			.param("tier", tier)
			.param("now", now.atOffset(ZoneOffset.UTC))
			.update();
	}

	Optional<UserAccount> findById(UUID id) {
		return this.jdbc.sql("select " + COLUMNS + " from users where id = :id")
			.param("id", id)
			.query(UserRepository::account)
			.optional();
	}

	Optional<UserAccount> findByUsername(String username) {
		return this.jdbc.sql("select " + COLUMNS + " from users where username = :username")
			.param("username", username)
			.query(UserRepository::account)
			.optional();
	}

	Optional<UserAccount> findByUsernameOrEmail(String name) {
		return this.jdbc.sql("select " + COLUMNS + " from users where username = :name or lower(email) = lower(:name)")
			.param("name", name)
			.query(UserRepository::account)
			.list()
			.stream()
			.findFirst();
	}

	boolean existsByUsernameOrEmail(String username, @Nullable String email) {
		return this.jdbc.sql("select count(*) from users where username = :username or lower(email) = lower(:email)")
			.param("username", username)
			.param("email", (email != null) ? email : "")
			.query(Long.class)
			.single() > 0;
	}

	List<UserAccount> page(int page, int pageSize) {
		return this.jdbc
			.sql("select " + COLUMNS + " from users order by created_at, username limit :limit offset :offset")
			.param("limit", pageSize)
			.param("offset", (long) (page - 1) * pageSize)
			.query(UserRepository::account)
			.list();
	}

	void updatePassword(UUID id, String passwordHash) {
		this.jdbc.sql("update users set password_hash = :hash, updated_at = :now where id = :id")
			.param("id", id)
			.param("hash", passwordHash)
			.param("now", OffsetDateTime.now(ZoneOffset.UTC))
			.update();
	}

	void updateAccess(UUID id, Role role, String tier, boolean active) {
		this.jdbc
			.sql("update users set role = :role, tier = :tier, is_active = :active, updated_at = :now where id = :id")
			.param("id", id)
			.param("role", role.value())
			.param("tier", tier)
			.param("active", active)
			.param("now", OffsetDateTime.now(ZoneOffset.UTC))
			.update();
	}

	private static UserAccount account(ResultSet rs, int n) throws SQLException {
		return new UserAccount(rs.getObject("id", UUID.class), rs.getString("username"), rs.getString("email"),
				rs.getString("password_hash"), Role.of(rs.getString("role")), rs.getString("tier"),
				rs.getBoolean("is_active"), rs.getObject("created_at", OffsetDateTime.class).toInstant());
	}

}
