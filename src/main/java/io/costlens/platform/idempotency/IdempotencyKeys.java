package io.costlens.platform.idempotency;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

import static io.costlens.platform.DatabaseTime.instant;
import static io.costlens.platform.DatabaseTime.utc;

/**
 * The stored keys: each is claimed by one request with an insert (the primary key makes
 * two claims, on any instances, exclude each other), then finished with the response, or
 * released when the request failed so that a retry runs it again.
 */
class IdempotencyKeys {

	static final String IN_FLIGHT = "in_flight";

	static final String UNCERTAIN = "uncertain";

	static final String DONE = "done";

	private final JdbcClient jdbc;

	private final IdempotencyProperties properties;

	IdempotencyKeys(JdbcClient jdbc, IdempotencyProperties properties) {
		this.jdbc = jdbc;
		this.properties = properties;
	}

	/**
	 * Claims the key for a request, or says why not.
	 * @return empty when claimed; otherwise the stored key as it is now
	 */
	Optional<Stored> claim(String caller, String key, String fingerprint) {
		Instant now = Instant.now();
		for (int attempt = 0; attempt < 3; attempt++) {
			try {
				this.jdbc.sql("""
						insert into idempotency_keys (caller, idem_key, fingerprint, state, created_at, expires_at,
						    lease_until)
						values (:caller, :key, :fingerprint, 'in_flight', :now, :expires, :lease)""")
					.param("caller", caller)
					.param("key", key)
					.param("fingerprint", fingerprint)
					.param("now", utc(now))
					.param("expires", utc(now.plus(this.properties.ttl())))
					.param("lease", utc(now.plus(this.properties.lease())))
					.update();
				return Optional.empty();
			}
			catch (DuplicateKeyException ex) {
				Optional<Stored> stored = find(caller, key);
				if (stored.isEmpty()) {
					continue; // released meanwhile
				}
				Stored existing = stored.get();
				if (existing.expiresAt().isBefore(now)) {
					this.jdbc
						.sql("delete from idempotency_keys where caller = :caller and idem_key = :key "
								+ "and expires_at < :now")
						.param("caller", caller)
						.param("key", key)
						.param("now", utc(now))
						.update();
					continue;
				}
				if (existing.fingerprint().equals(fingerprint) && !DONE.equals(existing.state())
						&& existing.leaseUntil().isBefore(now) && takeOver(caller, key, existing, now)) {
					return Optional.empty();
				}
				return stored;
			}
		}
		throw new IllegalStateException("Could not claim an idempotency key");
	}

	/** A key whose request's instance died (its lease ran out) goes to the next retry. */
	private boolean takeOver(String caller, String key, Stored existing, Instant now) {
		return this.jdbc.sql("""
				update idempotency_keys set state = 'in_flight', lease_until = :lease
				where caller = :caller and idem_key = :key and state = :state and lease_until = :oldLease""")
			.param("lease", utc(now.plus(this.properties.lease())))
			.param("caller", caller)
			.param("key", key)
			.param("state", existing.state())
			.param("oldLease", utc(existing.leaseUntil()))
			.update() == 1;
	}

	Optional<Stored> find(String caller, String key) {
		return this.jdbc.sql("""
				select fingerprint, state, status, content_type, body, expires_at, lease_until
				from idempotency_keys where caller = :caller and idem_key = :key""")
			.param("caller", caller)
			.param("key", key)
			.query((rs, n) -> new Stored(rs.getString("fingerprint"), rs.getString("state"),
					(Integer) rs.getObject("status"), rs.getString("content_type"), rs.getString("body"),
					instant(rs, "expires_at"), instant(rs, "lease_until")))
			.optional();
	}

	/** Stores the first response: every retry answers it from now on. */
	void finish(String caller, String key, int status, @Nullable String contentType, String body) {
		this.jdbc.sql("""
				update idempotency_keys set state = 'done', status = :status, content_type = :contentType,
				    body = :body
				where caller = :caller and idem_key = :key""")
			.param("status", status)
			.param("contentType", contentType)
			.param("body", body)
			.param("caller", caller)
			.param("key", key)
			.update();
	}

	/** The request's commit timed out: hold the key until that commit settles. */
	void holdUntilSettled(String caller, String key, Duration atMost) {
		this.jdbc.sql("""
				update idempotency_keys set state = 'uncertain', lease_until = :lease
				where caller = :caller and idem_key = :key""")
			.param("lease", utc(Instant.now().plus(atMost)))
			.param("caller", caller)
			.param("key", key)
			.update();
	}

	/** The request changed nothing: a retry may run it again. */
	void release(String caller, String key) {
		this.jdbc.sql("delete from idempotency_keys where caller = :caller and idem_key = :key")
			.param("caller", caller)
			.param("key", key)
			.update();
	}

	int deleteExpired(int limit) {
		return this.jdbc.sql("""
				delete from idempotency_keys where (caller, idem_key) in (
				    select caller, idem_key from idempotency_keys where expires_at < :now limit :limit)""")
			.param("now", utc(Instant.now()))
			.param("limit", limit)
			.update();
	}

	/** A key as stored. */
	record Stored(String fingerprint, String state, @Nullable Integer status, @Nullable String contentType,
			@Nullable String body, Instant expiresAt, Instant leaseUntil) {
	}

}
