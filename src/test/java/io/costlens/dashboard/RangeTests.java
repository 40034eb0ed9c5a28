package io.costlens.dashboard;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import io.costlens.platform.InvalidRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class RangeTests {

	private static final ZoneId ROME = ZoneId.of("Europe/Rome");

	private static final Clock LATE_EVENING_IN_ROME = Clock.fixed(Instant.parse("2026-10-31T22:30:00Z"),
			ZoneOffset.UTC);

	@Test
	void startsDaysAtMidnightOfTheReportingZone() {
		Range week = Range.of("7d", null, null, ROME, LATE_EVENING_IN_ROME);
		// 23:30 in Rome on 31 October: today is the 31st there
		assertThat(week.from()).isEqualTo(Instant.parse("2026-10-24T22:00:00Z"));
		assertThat(week.to()).isEqualTo(Instant.parse("2026-10-31T23:00:00Z"));
		assertThat(week.bucket()).isEqualTo("day");
	}

	@Test
	void keepsTheDstChangeDayAsOneBucketOfTwentyFiveHours() {
		Range week = Range.of("7d", null, null, ROME, LATE_EVENING_IN_ROME);
		assertThat(week.buckets()).hasSize(7)
			.contains(Instant.parse("2026-10-24T22:00:00Z"), Instant.parse("2026-10-25T23:00:00Z"));
		assertThat(week.bucketOf(Instant.parse("2026-10-25T22:30:00Z")))
			.isEqualTo(Instant.parse("2026-10-24T22:00:00Z"));
	}

	@Test
	void monthToDateStartsOnTheFirstInTheZone() {
		Range mtd = Range.of("mtd", null, null, ROME, LATE_EVENING_IN_ROME);
		assertThat(mtd.from()).isEqualTo(Instant.parse("2026-09-30T22:00:00Z"));
	}

	@Test
	void usesHourlyBucketsForShortRanges() {
		Range day = Range.of("24h", null, null, ZoneOffset.UTC, LATE_EVENING_IN_ROME);
		assertThat(day.bucket()).isEqualTo("hour");
		assertThat(day.buckets()).hasSize(24);
		Range custom = Range.of(null, "2026-10-01", "2026-10-02", ZoneOffset.UTC, LATE_EVENING_IN_ROME);
		assertThat(custom.bucket()).isEqualTo("hour");
		assertThat(custom.to()).isEqualTo(Instant.parse("2026-10-03T00:00:00Z"));
	}

	@Test
	void refusesAnUnknownPresetOrBadDatesNamingTheField() {
		assertThatExceptionOfType(InvalidRequest.class)
			.isThrownBy(() -> Range.of("week", null, null, ROME, LATE_EVENING_IN_ROME))
			.withMessageStartingWith("period: must be one of");
		assertThatExceptionOfType(InvalidRequest.class)
			.isThrownBy(() -> Range.of(null, "2026-13-01", null, ROME, LATE_EVENING_IN_ROME))
			.withMessageStartingWith("from: must be a date (YYYY-MM-DD) or a date-time")
			.withMessageContaining("(got 2026-13-01)")
			.withMessageEndingWith("; to: is required with a custom range (a date, e.g. 2026-12-01)");
		assertThatExceptionOfType(InvalidRequest.class)
			.isThrownBy(() -> Range.of("7d", "2026-10-01", "2026-10-02", ROME, LATE_EVENING_IN_ROME))
			.withMessageStartingWith("period: give either");
	}

}
