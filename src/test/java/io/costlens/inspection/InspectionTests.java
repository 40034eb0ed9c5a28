package io.costlens.inspection;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InspectionTests {

	private static final Inspection INSPECTOR = new Inspection(new PiiDetector(),
			new TokenCounter(TokenEncoding.CL100K_BASE));

	@Test
	void hashesTheUtf8MessageWithSha256() {
		assertThat(INSPECTOR.inspect("hello").messageHash())
			.isEqualTo("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824");
	}

	@Test
	void measuresTheMessageInUtf8Bytes() {
		assertThat(INSPECTOR.inspect("héllo €🚀").sizeBytes()).isEqualTo(1 + 2 + 3 + 1 + 3 + 4);
	}

	@Test
	void billsMultiByteMessagesByTheirUtf8Size() {
		assertThat(INSPECTOR.inspect("é".repeat(32768)).sqsBlocks()).isEqualTo(1);
		assertThat(INSPECTOR.inspect("é".repeat(32768) + "a").sqsBlocks()).isEqualTo(2);
		assertThat(INSPECTOR.inspect("🚀".repeat(16384)).sqsBlocks()).isEqualTo(1);
		assertThat(INSPECTOR.inspect("€".repeat(21846)).sqsBlocks()).isEqualTo(2);
		assertThat(INSPECTOR.inspect("").sqsBlocks()).isEqualTo(1);
	}

	@Test
	void reportsPiiTypesAndTokens() {
		InspectedMessage inspection = INSPECTOR.inspect("login ok for a@example.com from 10.0.0.1");
		assertThat(inspection.hasPii()).isTrue();
		assertThat(inspection.piiTypes()).containsExactly(PiiType.EMAIL, PiiType.IP_ADDRESS);
		// tiktoken 1.0.22: len(cl100k_base.encode_ordinary(message)) == 15
		assertThat(inspection.tokenCount()).isEqualTo(15);
		assertThat(inspection.preview()).isEqualTo("login ok for [EMAIL] from [IP_ADDRESS]");
	}

	@Test
	void keepsShortMessagesWithoutPiiAsTheyAre() {
		InspectedMessage inspection = INSPECTOR.inspect("GET /health 200");
		assertThat(inspection.preview()).isEqualTo("GET /health 200");
		assertThat(inspection.hasPii()).isFalse();
		assertThat(inspection.piiTypes()).isEmpty();
	}

	@Test
	void previewsTheFirst500Characters() {
		assertThat(INSPECTOR.inspect("x".repeat(2000)).preview()).isEqualTo("x".repeat(500));
	}

	@Test
	void masksACardThatTheLimitCutsInsteadOfShowingPartOfIt() {
		String message = "x".repeat(484) + " 4111 1111 1111 1111 tail";
		assertThat(INSPECTOR.inspect(message).preview()).isEqualTo("x".repeat(484) + " [CREDIT_CARD] t");
	}

	@Test
	void leavesOutAMaskThatDoesNotFit() {
		String message = "x".repeat(495) + " a@example.com";
		assertThat(INSPECTOR.inspect(message).preview()).isEqualTo("x".repeat(495) + " ");
	}

	@Test
	void neverSplitsASurrogatePair() {
		String message = "x".repeat(499) + "🚀 and more";
		assertThat(INSPECTOR.inspect(message).preview()).isEqualTo("x".repeat(499));
	}

	@Test
	void previewsAtMost500CharactersWhenMasksAreLongerThanWhatTheyHide() {
		String message = "::1 ".repeat(400);
		String preview = INSPECTOR.inspect(message).preview();
		assertThat(preview).hasSizeLessThanOrEqualTo(Inspection.PREVIEW_CHARS).startsWith("[IP_ADDRESS] ");
		assertThat(preview).doesNotContain("::1");
	}

}
