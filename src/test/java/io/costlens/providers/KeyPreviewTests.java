package io.costlens.providers;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KeyPreviewTests {

	@Test
	void showsTheKnownPrefixAndTheLastFourCharacters() {
		assertThat(KeyPreview.of("sk-or-v1-0123456789abcdef0123456789abcdef")).isEqualTo("sk-or-v1-…cdef");
	}

	@Test
	void showsFourCharactersOfUnknownPrefixes() {
		assertThat(KeyPreview.of("abcdefghijklmnop")).isEqualTo("abcd…mnop");
	}

	@Test
	void showsNothingOfShortValues() {
		assertThat(KeyPreview.of("short")).isEqualTo("…");
	}

}
