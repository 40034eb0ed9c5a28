package io.costlens.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.costlens.platform.Page;

/** The audit entries and the head of their chain. */
@Repository
class AuditRepository {

	private static final String COLUMNS = "id, occurred_at, actor, event_type, action, resource_type, resource_id, "
			+ "details, client_ip, prev_hash, hash";

	/** Most entries one retention delete removes. */
	static final int DELETE_BATCH = 1000;

	private final JdbcClient jdbc;

	AuditRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The last id and hash, locked until the transaction ends. */
	ChainHead lockHead() {
		return this.jdbc.sql("select last_id, last_hash from audit_chain where id = 1 for update")
			.query((rs, n) -> new ChainHead(rs.getLong("last_id"), rs.getString("last_hash")))
			.single();
	}

	ChainHead head() {
		return this.jdbc.sql("select last_id, last_hash from audit_chain where id = 1")
			.query((rs, n) -> new ChainHead(rs.getLong("last_id"), rs.getString("last_hash")))
			.single();
	}

	void append(AuditEntry entry) {
		this.jdbc
			.sql("insert into audit_log (" + COLUMNS + ") values (:id, :occurredAt, :actor, :eventType, "
					+ ":action, :resourceType, :resourceId, :details, :clientIp, :prevHash, :hash)")
			.param("id", entry.id())
			.param("occurredAt", entry.occurredAt().atOffset(ZoneOffset.UTC))
			.param("actor", entry.actor())
			.param("eventType", entry.eventType())
			.param("action", entry.action())
			.param("resourceType", entry.resourceType())
			.param("resourceId", entry.resourceId())
			.param("details", entry.details())
			.param("clientIp", entry.clientIp())
			.param("prevHash", entry.prevHash())
			.param("hash", entry.hash())
			.update();
		this.jdbc.sql("update audit_chain set last_id = :id, last_hash = :hash where id = 1")
			.param("id", entry.id())
			.param("hash", entry.hash())
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
				    order by id limit :limit)""")
			.param("cutoff", cutoff.atOffset(ZoneOffset.UTC))
			.param("limit", limit)
			.update();
	}

	/** Up to {@code limit} entries with ids above {@code afterId}, oldest first. */
	List<AuditEntry> after(long afterId, int limit) {
		return this.jdbc.sql("select " + COLUMNS + " from audit_log where id > :after order by id limit :limit")
			.param("after", afterId)
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
			.param("offset", (long) (query.page() - 1) * query.pageSize())
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

	private static OffsetDateTime utc(Instant instant) {
		return (instant != null) ? instant.atOffset(ZoneOffset.UTC) : null;
	}

	private static AuditEntry entry(ResultSet rs, int n) throws SQLException {
		return new AuditEntry(rs.getLong("id"), rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
				rs.getString("actor"), rs.getString("event_type"), rs.getString("action"),
				rs.getString("resource_type"), rs.getString("resource_id"), rs.getString("details"),
				rs.getString("client_ip"), rs.getString("prev_hash"), rs.getString("hash"));
	}

	record ChainHead(long lastId, String lastHash) {
	}

}
