package io.costlens.accounts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.costlens.platform.Caches;
import io.costlens.platform.Page;
import io.costlens.platform.Role;

import static io.costlens.platform.DatabaseTime.instant;
import static io.costlens.platform.DatabaseTime.utc;

/**
 * The user accounts. Every write marks {@link Accounts#USERS} changed, so no cached user
 * (the dashboard's per-request session check) outlives it.
 */
@Repository
class UserRepository {

	private static final String COLUMNS = "id, username, email, password_hash, role, tier, is_active, created_at, locale, "
			+ "credentials_changed_at";

	private final JdbcClient jdbc;

	private final Caches caches;

	UserRepository(JdbcClient jdbc, Caches caches) {
		this.jdbc = jdbc;
		this.caches = caches;
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
			.param("now", utc(now))
			.update();
		this.caches.changed(Accounts.USERS);
	}

	void updateLocale(UUID id, String locale) {
		this.jdbc.sql("update users set locale = :locale where id = :id")
			.param("id", id)
			.param("locale", locale)
			.update();
		this.caches.changed(Accounts.USERS);
	}

	Optional<UserAccount> findById(UUID id) {
		return this.jdbc.sql("select " + COLUMNS + " from users where id = :id")
			.param("id", id)
			.query(UserRepository::account)
			.optional();
	}

	/**
	 * Locks the user's row until the transaction ends, so that checks of a per-user limit
	 * and the insert after them are not raced by another request.
	 */
	void lock(UUID id) {
		this.jdbc.sql("select id from users where id = :id for update").param("id", id).query(UUID.class).optional();
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
			.param("offset", Page.offset(page, pageSize))
			.query(UserRepository::account)
			.list();
	}

	void updatePassword(UUID id, String passwordHash) {
		this.jdbc.sql("update users set password_hash = :hash, updated_at = :now where id = :id")
			.param("id", id)
			.param("hash", passwordHash)
			.param("now", OffsetDateTime.now(ZoneOffset.UTC))
			.update();
		this.caches.changed(Accounts.USERS);
	}

	/**
	 * Records that the user's credentials changed now, so access tokens issued before are
	 * refused. Tokens carry their issue time in whole seconds, so the time kept is the
	 * next whole second: a token of this second is refused, and one issued after the
	 * change carries this time as its issue time (see {@link AccessTokens}).
	 */
	Instant credentialsChanged(UUID id) {
		Instant changed = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
		this.jdbc.sql("update users set credentials_changed_at = :changed where id = :id")
			.param("id", id)
			.param("changed", utc(changed))
			.update();
		this.caches.changed(Accounts.USERS);
		return changed;
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
		this.caches.changed(Accounts.USERS);
	}

	private static UserAccount account(ResultSet rs, int n) throws SQLException {
		return new UserAccount(rs.getObject("id", UUID.class), rs.getString("username"), rs.getString("email"),
				rs.getString("password_hash"), Role.of(rs.getString("role")), rs.getString("tier"),
				rs.getBoolean("is_active"), instant(rs, "created_at"), rs.getString("locale"),
				instant(rs, "credentials_changed_at"));
	}

}
