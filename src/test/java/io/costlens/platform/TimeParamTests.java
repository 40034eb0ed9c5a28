package io.costlens.platform;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class TimeParamTests {

	@Test
	void aDateAtTheEndOfARangeIncludesItsWholeDay() {
		TimeParam date = TimeParam.parse("2026-11-30");

		assertThat(date.start()).isEqualTo(Instant.parse("2026-11-30T00:00:00Z"));
		assertThat(date.end()).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
		assertThat(date.through()).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
		assertThat(date.day(ZoneId.of("Pacific/Auckland"))).isEqualTo(LocalDate.of(2026, 11, 30));
	}

	@Test
	void aDateTimeWithoutAnOffsetIsUtcAndEndsARangeExactlyOrJustAfterItself() {
		TimeParam local = TimeParam.parse("2026-11-30T23:30:00");
		TimeParam offset = TimeParam.parse("2026-12-01T01:30:00+02:00");

		assertThat(local).isEqualTo(offset);
		assertThat(local.end()).isEqualTo(Instant.parse("2026-11-30T23:30:00Z"));
		assertThat(local.through()).isEqualTo(Instant.parse("2026-11-30T23:30:00.000001Z"));
		assertThat(local.day()).isEqualTo(LocalDate.of(2026, 11, 30));
		assertThat(local.day(ZoneId.of("Europe/Berlin"))).isEqualTo(LocalDate.of(2026, 12, 1));
	}

	@Test
	void aBadValueIsRefusedNamingTheParameterAndTheForms() {
		assertThat(TimeParam.of("from", " ")).isNull();
		assertThatExceptionOfType(InvalidRequest.class).isThrownBy(() -> TimeParam.of("from", "01/12/2026"))
			.withMessageStartingWith("from: must be a date (YYYY-MM-DD)")
			.withMessageContaining("without one, meaning UTC")
			.withMessageEndingWith("(got 01/12/2026)");
	}

}
