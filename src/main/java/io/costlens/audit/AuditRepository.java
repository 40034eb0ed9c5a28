package io.costlens.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.costlens.platform.Page;

import static io.costlens.platform.DatabaseTime.instant;
import static io.costlens.platform.DatabaseTime.utc;

/** The audit entries, those waiting to be sealed, and the head of their chain. */
@Repository
class AuditRepository {

	private static final String COLUMNS = "id, occurred_at, actor, event_type, action, resource_type, resource_id, "
			+ "details, client_ip, prev_hash, hash";

	private static final String PENDING_COLUMNS = "occurred_at, actor, event_type, action, resource_type, "
			+ "resource_id, details, client_ip";

	/** Most entries one retention delete removes. */
	static final int DELETE_BATCH = 1000;

	private final JdbcClient jdbc;

	private final JdbcTemplate jdbcTemplate;

	AuditRepository(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
		this.jdbc = jdbc;
		this.jdbcTemplate = jdbcTemplate;
	}

	/**
	 * The last id and hash, locked until the transaction ends; empty when
	 * {@code skipIfLocked} and another transaction (a sealer on this or another instance)
	 * holds it.
	 */
	Optional<ChainHead> lockHead(boolean skipIfLocked) {
		return this.jdbc
			.sql("select last_id, last_hash from audit_chain where id = 1 for update"
					+ (skipIfLocked ? " skip locked" : ""))
			.query((rs, n) -> new ChainHead(rs.getLong("last_id"), rs.getString("last_hash")))
			.optional();
	}

	ChainHead head() {
		return this.jdbc.sql("select last_id, last_hash from audit_chain where id = 1")
			.query((rs, n) -> new ChainHead(rs.getLong("last_id"), rs.getString("last_hash")))
			.single();
	}

	/** Writes an entry that is not yet linked into the chain: a plain insert, no lock. */
	void appendPending(AuditEntry entry) {
		this.jdbc
			.sql("insert into audit_pending (" + PENDING_COLUMNS + ") values (:occurredAt, :actor, :eventType, "
					+ ":action, :resourceType, :resourceId, :details, :clientIp)")
			.param("occurredAt", utc(entry.occurredAt()))
			.param("actor", entry.actor())
			.param("eventType", entry.eventType())
			.param("action", entry.action())
			.param("resourceType", entry.resourceType())
			.param("resourceId", entry.resourceId())
			.param("details", entry.details())
			.param("clientIp", entry.clientIp())
			.update();
	}

	/** Up to {@code limit} entries waiting to be sealed, oldest first. */
	List<Pending> pending(int limit) {
		return this.jdbc
			.sql("select pending_id, " + PENDING_COLUMNS + " from audit_pending order by pending_id limit :limit")
			.param("limit", limit)
			.query((rs, n) -> new Pending(rs.getLong("pending_id"),
					new AuditEntry(0, instant(rs, "occurred_at"), rs.getString("actor"), rs.getString("event_type"),
							rs.getString("action"), rs.getString("resource_type"), rs.getString("resource_id"),
							rs.getString("details"), rs.getString("client_ip"), "", "")))
			.list();
	}

	/** How many entries wait to be sealed. */
	long pendingCount() {
		return this.jdbc.sql("select count(*) from audit_pending").query(Long.class).single();
	}

	/**
	 * Stores sealed entries (consecutive ids after the chain head), removes the pending
	 * rows they came from and moves the chain head to the last of them. Call with the
	 * head locked.
	 */
	void seal(List<AuditEntry> sealed, List<Long> pendingIds) {
		this.jdbcTemplate.batchUpdate(
				"insert into audit_log (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", sealed,
				sealed.size(), (ps, e) -> {
					ps.setLong(1, e.id());
					ps.setObject(2, utc(e.occurredAt()));
					ps.setString(3, e.actor());
					ps.setString(4, e.eventType());
					ps.setString(5, e.action());
					ps.setString(6, e.resourceType());
					ps.setString(7, e.resourceId());
					ps.setString(8, e.details());
					ps.setString(9, e.clientIp());
					ps.setString(10, e.prevHash());
					ps.setString(11, e.hash());
				});
		this.jdbc.sql("delete from audit_pending where pending_id in (:ids)").param("ids", pendingIds).update();
		AuditEntry last = sealed.get(sealed.size() - 1);
		this.jdbc.sql("update audit_chain set last_id = :id, last_hash = :hash where id = 1")
			.param("id", last.id())
			.param("hash", last.hash())
			.update();
	}

	/**
	 * Deletes up to {@code limit} of the oldest entries, up to the last one written
	 * before {@code cutoff}: always a prefix of the chain, so what is left is one
	 * unbroken chain.
	 */
	int deleteOlderThan(Instant cutoff, int limit) {
		return this.jdbc.sql("""
				delete from audit_log where id in (
				    select id from audit_log
				    where id <= (select max(id) from audit_log where occurred_at < :cutoff)
				    order by id limit :limit)""").param("cutoff", utc(cutoff)).param("limit", limit).update();
	}

	/**
	 * Up to {@code limit} entries with ids above {@code afterId} and up to {@code upTo},
	 * oldest first.
	 */
	List<AuditEntry> after(long afterId, long upTo, int limit) {
		return this.jdbc
			.sql("select " + COLUMNS + " from audit_log where id > :after and id <= :upTo order by id limit :limit")
			.param("after", afterId)
			.param("upTo", upTo)
			.param("limit", limit)
			.query(AuditRepository::entry)
			.list();
	}

	Page<AuditEntry> find(AuditQuery query) {
		Map<String, Object> params = new LinkedHashMap<>();
		List<String> where = new ArrayList<>();
		condition(where, params, "actor", "actor = :actor", query.actor());
		condition(where, params, "eventType", "event_type = :eventType", query.eventType());
		condition(where, params, "resourceType", "resource_type = :resourceType", query.resourceType());
		condition(where, params, "resourceId", "resource_id = :resourceId", query.resourceId());
		condition(where, params, "from", "occurred_at >= :from", utc(query.from()));
		condition(where, params, "to", "occurred_at < :to", utc(query.to()));
		String clause = where.isEmpty() ? "" : " where " + String.join(" and ", where);
		long total = this.jdbc.sql("select count(*) from audit_log" + clause).params(params).query(Long.class).single();
		List<AuditEntry> items = this.jdbc
			.sql("select " + COLUMNS + " from audit_log" + clause + " order by id desc limit :limit offset :offset")
			.params(params)
			.param("limit", query.pageSize())
			.param("offset", Page.offset(query.page(), query.pageSize()))
			.query(AuditRepository::entry)
			.list();
		return new Page<>(items, total, query.page(), query.pageSize());
	}

	private static void condition(List<String> where, Map<String, Object> params, String name, String sql,
			Object value) {
		if (value != null) {
			where.add(sql);
			params.put(name, value);
		}
	}

	private static AuditEntry entry(ResultSet rs, int n) throws SQLException {
		return new AuditEntry(rs.getLong("id"), instant(rs, "occurred_at"), rs.getString("actor"),
				rs.getString("event_type"), rs.getString("action"), rs.getString("resource_type"),
				rs.getString("resource_id"), rs.getString("details"), rs.getString("client_ip"),
				rs.getString("prev_hash"), rs.getString("hash"));
	}

	record ChainHead(long lastId, String lastHash) {
	}

	/**
	 * An entry waiting to be sealed: its row id and its fields (no chain id or hash yet).
	 */
	record Pending(long pendingId, AuditEntry entry) {
	}

}
