package io.costlens.inspection;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import io.costlens.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class InspectionIntegrationTests {

	@Autowired
	Inspection inspector;

	@Test
	void inspectsAMessageWithTheApplicationsBeans() {
		InspectedMessage inspection = this.inspector.inspect("refund to DE89 3704 0044 0532 0130 00 for a@example.com");
		assertThat(inspection.preview()).isEqualTo("refund to [IBAN] for [EMAIL]");
		assertThat(inspection.piiTypes()).containsExactly(PiiType.EMAIL, PiiType.IBAN);
		assertThat(inspection.sizeBytes()).isEqualTo(55);
		assertThat(inspection.sqsBlocks()).isEqualTo(1);
	}

	@Test
	void countsTokensInCl100kBaseByDefault() {
		assertThat(this.inspector.inspect("🚀🔥 deploy done ✅").tokenCount()).isEqualTo(10);
	}

}
