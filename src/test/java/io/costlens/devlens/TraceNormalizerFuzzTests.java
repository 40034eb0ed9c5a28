package io.costlens.devlens;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.costlens.platform.web.StrictJson;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes the normalisation of one trace line: any line is a JSON error (the import
 * rejects the line), a {@link RejectedTrace} naming what is wrong, or a canonical trace
 * whose texts keep their limits; nothing else escapes to fail the whole import.
 */
class TraceNormalizerFuzzTests {

	private static final JsonMapper JSON = StrictJson.mapper();

	private final TraceNormalizer normalizer = new TraceNormalizer(JSON);

	@FuzzTest(maxDuration = "30s")
	void normalisesAnyLineOrRejectsIt(FuzzedDataProvider data) {
		String line = data.consumeRemainingAsString();
		JsonNode record;
		try {
			record = JSON.readTree(line);
		}
		catch (JacksonException ex) {
			return;
		}
		if (record == null) {
			return;
		}
		try {
			CanonicalTrace trace = this.normalizer.normalize(record, null);
			assertThat(trace.repoSlug().length()).isLessThanOrEqualTo(TraceNormalizer.MAX_TEXT);
			assertThat(trace.tokensIn()).isNotNegative();
			assertThat(trace.tokensOut()).isNotNegative();
		}
		catch (RejectedTrace ex) {
			assertThat(ex.getMessage()).isNotBlank();
		}
	}

}
