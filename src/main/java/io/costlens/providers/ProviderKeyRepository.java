package io.costlens.providers;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.costlens.platform.Caches;

/** Stored provider keys. */
@Repository
class ProviderKeyRepository {

	private static final String COLUMNS = "id, user_id, name, provider, key_ciphertext, key_preview, key_type, "
			+ "is_active, limit_usd, limit_remaining_usd, limit_reset, created_at, last_validated_at, last_synced_at";

	/**
	 * The data set of the provider keys as a page shows them (name, state, type, limits,
	 * when validated and synced): every write here marks it changed.
	 */
	static final String KEYS = "provider-keys";

	private final JdbcClient jdbc;

	private final Caches caches;

	ProviderKeyRepository(JdbcClient jdbc, ObjectProvider<Caches> caches) {
		this.jdbc = jdbc;
		this.caches = caches.getIfAvailable(Caches::none);
	}

	void insert(ProviderKey key) {
		this.jdbc.sql("""
				insert into provider_keys (id, user_id, name, provider, key_ciphertext, key_preview, is_active,
				    created_at, updated_at)
				values (:id, :user, :name, :provider, :ciphertext, :preview, :active, :now, :now)""")
			.param("id", key.id())
			.param("user", key.userId())
			.param("name", key.name())
			.param("provider", key.provider())
			.param("ciphertext", key.ciphertext())
			.param("preview", key.keyPreview())
			.param("active", key.active())
			.param("now", utc(key.createdAt()))
			.update();
		this.caches.changed(KEYS);
	}

	Optional<ProviderKey> find(UUID id) {
		return this.jdbc.sql("select " + COLUMNS + " from provider_keys where id = :id")
			.param("id", id)
			.query(ProviderKeyRepository::key)
			.optional();
	}

	/** A page of keys, oldest first; every user's when {@code user} is {@code null}. */
	List<ProviderKey> page(@Nullable UUID user, long offset, int limit) {
		return this.jdbc
			.sql("select " + COLUMNS + " from provider_keys where (cast(:user as uuid) is null or user_id = :user) "
					+ "order by created_at, id limit :limit offset :offset")
			.param("user", user)
			.param("offset", offset)
			.param("limit", limit)
			.query(ProviderKeyRepository::key)
			.list();
	}

	long count(@Nullable UUID user) {
		return this.jdbc
			.sql("select count(*) from provider_keys where (cast(:user as uuid) is null or user_id = :user)")
			.param("user", user)
			.query(Long.class)
			.single();
	}

	/**
	 * Ids of the keys the jobs use, those never or longest ago handled first.
	 * @param handledAt {@code last_synced_at} or {@code last_validated_at}
	 */
	List<UUID> activeIds(String handledAt) {
		if (!handledAt.equals("last_synced_at") && !handledAt.equals("last_validated_at")) {
			throw new IllegalArgumentException(handledAt);
		}
		return this.jdbc
			.sql("select id from provider_keys where is_active order by " + handledAt + " nulls first, created_at, id")
			.query(UUID.class)
			.list();
	}

	/**
	 * The last successful sync of the active key synced least recently (when it was
	 * added, for one never synced); empty without active keys.
	 */
	Optional<Instant> stalestActiveSync() {
		return this.jdbc
			.sql("select min(coalesce(last_synced_at, created_at)) as stalest from provider_keys where is_active")
			.query((rs, row) -> Optional.ofNullable(instant(rs, "stalest")))
			.single();
	}

	void update(UUID id, String name, boolean active) {
		this.jdbc.sql("update provider_keys set name = :name, is_active = :active, updated_at = :now where id = :id")
			.param("id", id)
			.param("name", name)
			.param("active", active)
			.param("now", utc(Instant.now()))
			.update();
		this.caches.changed(KEYS);
	}

	boolean delete(UUID id) {
		boolean deleted = this.jdbc.sql("delete from provider_keys where id = :id").param("id", id).update() == 1;
		this.caches.changed(KEYS);
		return deleted;
	}

	/** Records a successful validation: the key's type and limits. */
	void validated(UUID id, KeyInfo info, Instant at) {
		this.jdbc.sql("""
				update provider_keys set key_type = :type, limit_usd = :limit, limit_remaining_usd = :remaining,
				    limit_reset = :reset, last_validated_at = :at, updated_at = :at
				where id = :id""")
			.param("id", id)
			.param("type", info.type().value())
			.param("limit", info.limit())
			.param("remaining", info.limitRemaining())
			.param("reset", info.limitReset())
			.param("at", utc(at))
			.update();
		this.caches.changed(KEYS);
	}

	/** Marks a key the provider refused inactive; {@code false} when it already was. */
	boolean invalidate(UUID id, Instant at) {
		boolean invalidated = this.jdbc.sql("""
				update provider_keys set is_active = false, invalidated_at = :at, last_validated_at = :at,
				    updated_at = :at
				where id = :id and is_active""").param("id", id).param("at", utc(at)).update() == 1;
		this.caches.changed(KEYS);
		return invalidated;
	}

	void synced(UUID id, Instant at) {
		this.jdbc.sql("update provider_keys set last_synced_at = :at where id = :id")
			.param("id", id)
			.param("at", utc(at))
			.update();
		this.caches.changed(KEYS);
	}

	/** Every key's id and ciphertext, for re-encryption. */
	List<Ciphertext> ciphertexts() {
		return this.jdbc.sql("select id, key_ciphertext from provider_keys order by id")
			.query((rs, n) -> new Ciphertext(rs.getObject("id", UUID.class), rs.getBytes("key_ciphertext")))
			.list();
	}

	/** Replaces a ciphertext unless it changed meanwhile. */
	boolean replaceCiphertext(UUID id, byte[] previous, byte[] next) {
		return this.jdbc
			.sql("update provider_keys set key_ciphertext = :next where id = :id and key_ciphertext = :previous")
			.param("id", id)
			.param("previous", previous)
			.param("next", next)
			.update() == 1;
	}

	private static ProviderKey key(ResultSet rs, int row) throws SQLException {
		String type = rs.getString("key_type");
		return new ProviderKey(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class),
				rs.getString("name"), rs.getString("provider"), rs.getBytes("key_ciphertext"),
				rs.getString("key_preview"), (type != null) ? KeyType.of(type) : null, rs.getBoolean("is_active"),
				rs.getBigDecimal("limit_usd"), rs.getBigDecimal("limit_remaining_usd"), rs.getString("limit_reset"),
				instant(rs, "created_at"), instant(rs, "last_validated_at"), instant(rs, "last_synced_at"));
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	/**
	 * One key's ciphertext.
	 *
	 * @param id the key
	 * @param value its ciphertext
	 */
	record Ciphertext(UUID id, byte[] value) {
	}

}
