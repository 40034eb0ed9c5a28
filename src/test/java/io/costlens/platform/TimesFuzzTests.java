package io.costlens.platform;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes the time parser every time parameter and field goes through: any text is a time
 * in years 1 to 9999, or a {@link DateTimeParseException} (a 400 naming the forms), and
 * {@link Times#isValid} agrees with {@link Times#parse}.
 */
class TimesFuzzTests {

	@FuzzTest(maxDuration = "30s")
	void readsATimeOrRefusesTheText(FuzzedDataProvider data) {
		String text = data.consumeRemainingAsString();
		Instant time;
		try {
			time = Times.parse(text);
		}
		catch (DateTimeParseException ex) {
			assertThat(Times.isValid(text)).isFalse();
			return;
		}
		assertThat(Times.isValid(text)).isTrue();
		assertThat(time.atOffset(ZoneOffset.UTC).getYear()).isBetween(1, 9999);
	}

}
