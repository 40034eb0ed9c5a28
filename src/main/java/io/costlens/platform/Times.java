package io.costlens.platform;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;

/**
 * The forms every time parameter of the API accepts: a date ({@code 2026-12-01}, the
 * start of that UTC day) or a date-time with an offset ({@code 2026-12-01T10:00:00Z},
 * {@code …+02:00}) or without one, which means UTC ({@code 2026-12-01T10:00:00}).
 */
public final class Times {

	/** The accepted forms, as error messages name them. */
	public static final String FORMS = "must be a date (YYYY-MM-DD) or a date-time with an offset "
			+ "(2026-12-01T10:00:00Z, 2026-12-01T12:00:00+02:00) or without one, meaning UTC (2026-12-01T10:00:00)";

	private static final DateTimeFormatter TIME = new DateTimeFormatterBuilder()
		.append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
		.optionalStart()
		.appendOffsetId()
		.optionalEnd()
		.toFormatter();

	private Times() {
	}

	/**
	 * Reads a time in one of the accepted forms.
	 * @throws DateTimeParseException when it is in none of them, or outside years 1 to
	 * 9999
	 */
	public static Instant parse(String text) {
		String value = text.strip();
		Instant time;
		if (value.length() == 10) {
			time = LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC);
		}
		else {
			TemporalAccessor parsed = TIME.parseBest(value, OffsetDateTime::from, LocalDateTime::from);
			time = (parsed instanceof OffsetDateTime withOffset) ? withOffset.toInstant()
					: ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
		}
		int year = time.atOffset(ZoneOffset.UTC).getYear();
		if (year < 1 || year > 9999) {
			throw new DateTimeParseException("year out of range", text, 0);
		}
		return time;
	}

	/** Whether {@link #parse} reads it. */
	public static boolean isValid(String text) {
		try {
			parse(text);
			return true;
		}
		catch (DateTimeParseException ex) {
			return false;
		}
	}

}
