package io.costlens.inspection;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes the PII scanner with arbitrary text: it never throws, every finding lies inside
 * the text and findings do not overlap, and text without findings is masked to itself.
 */
class PiiDetectorFuzzTests {

	private final PiiDetector detector = new PiiDetector();

	@FuzzTest(maxDuration = "30s")
	void scansAnyTextIntoFindingsInsideIt(FuzzedDataProvider data) {
		String text = data.consumeRemainingAsString();
		PiiScan scan = this.detector.scan(text);

		int previousEnd = 0;
		for (PiiFinding finding : scan.findings()) {
			assertThat(finding.start()).isGreaterThanOrEqualTo(previousEnd).isLessThan(finding.end());
			assertThat(finding.end()).isLessThanOrEqualTo(text.length());
			previousEnd = finding.end();
		}
		String masked = this.detector.mask(text);
		assertThat(scan.hasPii() || masked.equals(text)).isTrue();
	}

}
