package io.costlens.inspection;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SqsBlocksTests {

	@ParameterizedTest
	@CsvSource({ "0, 1", "1, 1", "65535, 1", "65536, 1", "65537, 2", "131072, 2", "131073, 3", "1048576, 16",
			"1048577, 17" })
	void billsOneBlockPerStarted64KiB(long bytes, int blocks) {
		assertThat(SqsBlocks.of(bytes)).isEqualTo(blocks);
	}

	@Test
	void rejectsNegativeSizes() {
		assertThatIllegalArgumentException().isThrownBy(() -> SqsBlocks.of(-1)).withMessageContaining("-1");
	}

}
