package io.costlens.pricing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static io.costlens.platform.DatabaseTime.instant;
import static io.costlens.platform.DatabaseTime.utc;

/** Catalog rows in {@code price_catalog}. */
@Repository
class PriceRepository {

	private static final String COLUMNS = """
			select id, service, region, tier, price_per_unit, unit, effective_from, effective_to, is_active,
			       source, created_at
			from price_catalog""";

	private final JdbcClient jdbc;

	PriceRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Price> find(@Nullable String service, @Nullable String region, boolean includeHistory) {
		return this.jdbc.sql(COLUMNS + " " + """
				 where (cast(:service as varchar) is null or service = :service)
				   and (cast(:region as varchar) is null or region = :region)
				   and (:history or is_active)
				order by service, region, tier, effective_from""")
			.param("service", service)
			.param("region", region)
			.param("history", includeHistory)
			.query(PriceRepository::map)
			.list();
	}

	Optional<Price> findById(UUID id) {
		return this.jdbc.sql(COLUMNS + " where id = :id").param("id", id).query(PriceRepository::map).optional();
	}

	Optional<Price> findCurrent(PriceKey key) {
		return this.jdbc.sql(COLUMNS + " where service = :service and region = :region and tier = :tier and is_active")
			.param("service", key.service())
			.param("region", key.region())
			.param("tier", key.tier())
			.query(PriceRepository::map)
			.optional();
	}

	List<Price> findInRegion(String region) {
		return this.jdbc.sql(COLUMNS + " where region = :region order by service, tier, effective_from")
			.param("region", region)
			.query(PriceRepository::map)
			.list();
	}

	void insert(Price price) {
		this.jdbc.sql("""
				insert into price_catalog (id, service, region, tier, price_per_unit, unit, effective_from,
				                           effective_to, is_active, source, created_at)
				values (:id, :service, :region, :tier, :price, :unit, :from, null, true, :source, :created)""")
			.param("id", price.id())
			.param("service", price.service())
			.param("region", price.region())
			.param("tier", price.tier())
			.param("price", price.pricePerUnit())
			.param("unit", price.unit())
			.param("from", utc(price.effectiveFrom()))
			.param("source", price.source())
			.param("created", utc(price.createdAt()))
			.update();
	}

	void update(Price price) {
		this.jdbc.sql("update price_catalog set price_per_unit = :price, unit = :unit, source = :source where id = :id")
			.param("id", price.id())
			.param("price", price.pricePerUnit())
			.param("unit", price.unit())
			.param("source", price.source())
			.update();
	}

	void close(UUID id, Instant effectiveTo) {
		this.jdbc.sql("update price_catalog set effective_to = :to, is_active = false where id = :id")
			.param("id", id)
			.param("to", utc(effectiveTo))
			.update();
	}

	private static Price map(ResultSet rs, int row) throws SQLException {
		OffsetDateTime to = rs.getObject("effective_to", OffsetDateTime.class);
		return new Price(rs.getObject("id", UUID.class), rs.getString("service"), rs.getString("region"),
				rs.getString("tier"), rs.getBigDecimal("price_per_unit").stripTrailingZeros(), rs.getString("unit"),
				instant(rs, "effective_from"), (to != null) ? to.toInstant() : null, rs.getBoolean("is_active"),
				rs.getString("source"), instant(rs, "created_at"));
	}

}
