package io.costlens.predictions;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAccessor;

import org.jspecify.annotations.Nullable;

import io.costlens.platform.InvalidRequest;

/**
 * How the API reads times: ISO-8601 with an offset ({@code 2025-06-09T12:00:00Z},
 * {@code …+02:00}) or without one, which means UTC ({@code 2025-06-09T12:00:00}, as the
 * original service's clients send), and dates as {@code YYYY-MM-DD} (UTC days).
 */
final class Timestamps {

	private static final DateTimeFormatter TIME = new DateTimeFormatterBuilder()
		.append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
		.optionalStart()
		.appendOffsetId()
		.optionalEnd()
		.toFormatter();

	private Timestamps() {
	}

	/**
	 * Reads a time.
	 * @throws DateTimeParseException when it is not ISO-8601
	 */
	static Instant parse(String text) {
		TemporalAccessor time = TIME.parseBest(text.strip(), OffsetDateTime::from, LocalDateTime::from);
		return (time instanceof OffsetDateTime withOffset) ? withOffset.toInstant()
				: ((LocalDateTime) time).toInstant(ZoneOffset.UTC);
	}

	static boolean isValid(String text) {
		try {
			int year = parse(text).atOffset(ZoneOffset.UTC).getYear();
			return year >= 1 && year <= 9999;
		}
		catch (DateTimeParseException ex) {
			return false;
		}
	}

	/** A query parameter that must be a date, or is absent. */
	static @Nullable LocalDate date(String name, @Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			throw new InvalidRequest(name + ": must be a date as YYYY-MM-DD (got " + abbreviate(value) + ")");
		}
	}

	/**
	 * The start of a time range given as a date (its first instant) or a time.
	 */
	static @Nullable Instant from(String name, @Nullable String value) {
		return bound(name, value, false);
	}

	/**
	 * The exclusive end of a range whose inclusive end is given as a date (the next day's
	 * start) or a time (the next microsecond).
	 */
	static @Nullable Instant until(String name, @Nullable String value) {
		return bound(name, value, true);
	}

	private static @Nullable Instant bound(String name, @Nullable String value, boolean end) {
		if (value == null || value.isBlank()) {
			return null;
		}
		if (value.strip().length() == 10) {
			LocalDate date = date(name, value);
			return (date == null) ? null : date.plusDays(end ? 1 : 0).atStartOfDay().toInstant(ZoneOffset.UTC);
		}
		if (!isValid(value)) {
			throw new InvalidRequest(
					name + ": must be a date (YYYY-MM-DD) or an ISO-8601 time (got " + abbreviate(value) + ")");
		}
		Instant time = parse(value);
		return end ? time.truncatedTo(ChronoUnit.MICROS).plus(1, ChronoUnit.MICROS) : time;
	}

	private static String abbreviate(String value) {
		return (value.length() <= 40) ? value : value.substring(0, 37) + "...";
	}

}
