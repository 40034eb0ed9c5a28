package io.costlens.scenarios;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import tools.jackson.databind.json.JsonMapper;

import io.costlens.platform.ProblemException;
import io.costlens.platform.web.StrictJson;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes the NDJSON batch reader with arbitrary bytes: it returns at most the limit of
 * messages, or refuses the body with a client error that names no JSON-reader internals;
 * nothing else escapes. The inputs under {@code NdjsonReaderFuzzTestsInputs} run as
 * ordinary tests; {@code JAZZER_FUZZ=1} searches for new ones.
 */
class NdjsonReaderFuzzTests {

	private static final JsonMapper JSON = StrictJson.mapper();

	@FuzzTest(maxDuration = "30s")
	void readsAnyBodyOrRefusesItWithAClientError(FuzzedDataProvider data) throws IOException {
		byte[] body = data.consumeRemainingAsBytes();
		try {
			List<IngestController.IngestRequest> messages = NdjsonReader.read(new ByteArrayInputStream(body), JSON,
					IngestController.IngestRequest.class, 50);
			assertThat(messages).hasSizeLessThanOrEqualTo(50);
		}
		catch (ProblemException ex) {
			assertThat(ex.status().is4xxClientError()).isTrue();
			assertThat(ex.getMessage()).doesNotContain("tools.jackson", "JsonReadFeature", "`");
		}
	}

}
