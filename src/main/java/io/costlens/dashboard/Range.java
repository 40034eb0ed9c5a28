package io.costlens.dashboard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import io.costlens.platform.InvalidFields;
import io.costlens.platform.InvalidRequest;
import io.costlens.platform.TimeParam;

/**
 * A time range in the reporting zone: a preset ({@code 24h}, {@code 7d}, {@code 30d},
 * {@code 90d}, {@code mtd}) or two dates (both included; a date-time stands for its day
 * in the zone), with the bucket size that follows its length (hours up to two days, days
 * beyond).
 *
 * @param preset the preset, or {@code custom}
 * @param from the first instant included (a midnight or an hour in the zone)
 * @param to the first instant excluded
 * @param bucket {@code hour} or {@code day}
 * @param zone the reporting zone
 */
record Range(String preset, Instant from, Instant to, String bucket, ZoneId zone) {

	static final List<String> PRESETS = List.of("24h", "7d", "30d", "90d", "mtd");

	static final String DEFAULT = "30d";

	private static final long MAX_DAYS = 400;

	static Range of(@Nullable String preset, @Nullable String from, @Nullable String to, ZoneId zone, Clock clock) {
		if (from != null || to != null) {
			if (preset != null && !preset.isBlank()) {
				throw new InvalidRequest("period: give either period or from and to, not both");
			}
			return custom(from, to, zone);
		}
		String name = (preset == null || preset.isBlank()) ? DEFAULT : preset;
		ZonedDateTime now = ZonedDateTime.now(clock.withZone(zone));
		LocalDate today = now.toLocalDate();
		return switch (name) {
			case "24h" -> {
				Instant end = now.truncatedTo(ChronoUnit.HOURS).plusHours(1).toInstant();
				yield new Range(name, end.minus(Duration.ofHours(24)), end, "hour", zone);
			}
			case "7d", "30d", "90d" ->
				days(name, today.minusDays(Long.parseLong(name.replace("d", "")) - 1), today.plusDays(1), zone);
			case "mtd" -> days(name, today.withDayOfMonth(1), today.plusDays(1), zone);
			default -> throw new InvalidRequest("period: must be one of " + PRESETS);
		};
	}

	private static Range custom(@Nullable String from, @Nullable String to, ZoneId zone) {
		List<InvalidFields.Field> errors = new ArrayList<>();
		LocalDate start = date("from", from, zone, errors);
		LocalDate end = date("to", to, zone, errors);
		if (errors.isEmpty() && end.isBefore(start)) {
			errors.add(new InvalidFields.Field("to", "must not be before from"));
		}
		if (errors.isEmpty() && ChronoUnit.DAYS.between(start, end) >= MAX_DAYS) {
			errors.add(new InvalidFields.Field("to", "the range may span at most " + MAX_DAYS + " days"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidRequest(
					errors.stream().map((e) -> e.field() + ": " + e.message()).collect(Collectors.joining("; ")));
		}
		Range range = days("custom", start, end.plusDays(1), zone);
		return (ChronoUnit.DAYS.between(start, end) < 2) ? new Range(range.preset, range.from, range.to, "hour", zone)
				: range;
	}

	/** A date, or a date-time standing for its day in the reporting zone. */
	private static LocalDate date(String name, @Nullable String value, ZoneId zone, List<InvalidFields.Field> errors) {
		if (value == null || value.isBlank()) {
			errors.add(new InvalidFields.Field(name, "is required with a custom range (a date, e.g. 2026-12-01)"));
			return LocalDate.EPOCH;
		}
		try {
			return TimeParam.parse(value).day(zone);
		}
		catch (DateTimeParseException ex) {
			errors.add(new InvalidFields.Field(name, TimeParam.reason(value)));
			return LocalDate.EPOCH;
		}
	}

	private static Range days(String name, LocalDate first, LocalDate end, ZoneId zone) {
		return new Range(name, first.atStartOfDay(zone).toInstant(), end.atStartOfDay(zone).toInstant(), "day", zone);
	}

	/** The bucket an instant falls into: its hour, or its day's midnight in the zone. */
	Instant bucketOf(Instant moment) {
		return "hour".equals(this.bucket) ? moment.truncatedTo(ChronoUnit.HOURS)
				: moment.atZone(this.zone).toLocalDate().atStartOfDay(this.zone).toInstant();
	}

	/** Every bucket start of the range, so that empty buckets show as zero, in order. */
	List<Instant> buckets() {
		List<Instant> starts = new ArrayList<>();
		ZonedDateTime at = this.from.atZone(this.zone);
		while (at.toInstant().isBefore(this.to)) {
			starts.add(at.toInstant());
			at = "hour".equals(this.bucket) ? at.plusHours(1) : at.plusDays(1);
		}
		return starts;
	}

}
