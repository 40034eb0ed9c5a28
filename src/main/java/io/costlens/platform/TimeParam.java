package io.costlens.platform;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

import org.jspecify.annotations.Nullable;

/**
 * A time parameter as the client wrote it, in one of the forms every time parameter of
 * the API accepts ({@link Times#FORMS}): a date ({@code 2026-12-01}) or a date-time with
 * an offset ({@code 2026-12-01T10:00:00Z}) or without one, meaning UTC. Controllers take
 * it as a {@code @RequestParam} (a bad value is a 400 naming the forms) or read it with
 * {@link #parse}. A date at the end of a range includes its whole day.
 *
 * @param instant the time; for a date, the start of that UTC day
 * @param date the date, when one was given instead of a time
 */
public record TimeParam(Instant instant, @Nullable LocalDate date) {

	/**
	 * Reads a time parameter.
	 * @throws DateTimeParseException when it is in none of the accepted forms
	 */
	public static TimeParam parse(String text) {
		String value = text.strip();
		Instant instant = Times.parse(value);
		return new TimeParam(instant, (value.length() == 10) ? LocalDate.parse(value) : null);
	}

	/**
	 * Reads the parameter called {@code name}.
	 * @return {@code null} when it is absent or blank
	 * @throws InvalidRequest (400) naming the accepted forms when it is in none of them
	 */
	public static @Nullable TimeParam of(String name, @Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return parse(value);
		}
		catch (DateTimeParseException ex) {
			throw new InvalidRequest(name + ": " + reason(value));
		}
	}

	/** What is wrong with a value in none of the accepted forms. */
	public static String reason(String value) {
		String shown = (value.length() <= 40) ? value : value.substring(0, 37) + "...";
		return Times.FORMS + " (got " + shown + ")";
	}

	/** As the start of a range: the time, or the date's first instant (UTC). */
	public Instant start() {
		return this.instant;
	}

	/**
	 * As the end of a range, the first instant after it: the time itself, or the start of
	 * the day after the date.
	 */
	public Instant end() {
		return (this.date != null) ? this.instant.plus(1, ChronoUnit.DAYS) : this.instant;
	}

	/**
	 * As the end of a range that includes it, the first instant after it: the next
	 * microsecond after the time (the database's precision), or the start of the day
	 * after the date.
	 */
	public Instant through() {
		return (this.date != null) ? end() : this.instant.truncatedTo(ChronoUnit.MICROS).plus(1, ChronoUnit.MICROS);
	}

	/** The UTC day: the date, or the day of the time. */
	public LocalDate day() {
		return day(ZoneOffset.UTC);
	}

	/** The day in a zone: the date as given, or the day of the time in that zone. */
	public LocalDate day(ZoneId zone) {
		return (this.date != null) ? this.date : this.instant.atZone(zone).toLocalDate();
	}

}
