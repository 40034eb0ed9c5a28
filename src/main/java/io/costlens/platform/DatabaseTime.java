package io.costlens.platform;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.jspecify.annotations.Nullable;

/**
 * Time as every repository hands it to the database and reads it back: a
 * {@code timestamp with time zone} in UTC, which H2 and PostgreSQL both bind from an
 * {@link OffsetDateTime} (not from an {@link Instant}), and an {@link Instant} in code.
 */
public final class DatabaseTime {

	private DatabaseTime() {
	}

	/** The moment as a UTC timestamp parameter; {@code null} stays {@code null}. */
	public static @Nullable OffsetDateTime utc(@Nullable Instant instant) {
		return (instant != null) ? instant.atOffset(ZoneOffset.UTC) : null;
	}

	/** A timestamp column as a moment; {@code null} when the column is null. */
	public static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

}
