package io.costlens.inspection;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingRegistry;
import com.knuddels.jtokkit.api.EncodingType;
import org.junit.jupiter.api.Test;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Expected counts are tiktoken's {@code len(encode_ordinary(text))}: every one was
 * cross-checked against tiktoken 1.0.22 (the reference Rust implementation built to
 * WebAssembly), and the first three are also the counts OpenAI's cookbook prints. The
 * counter counts segment by segment with a cache ({@code SegmentCounts}); the corpus
 * tests check that this adds up to what jtokkit counts for the whole text.
 */
class TokenCounterTests {

	private static final TokenCounter COUNTER = new TokenCounter(TokenEncoding.CL100K_BASE);

	static Stream<Arguments> tiktokenCounts() {
		return Stream.of(Arguments.of("hello world", 2, 2), Arguments.of("tiktoken is great!", 6, 6),
				Arguments.of("antidisestablishmentarianism", 6, 6), Arguments.of("", 0, 0),
				Arguments.of("Hello, world!", 4, 4),
				Arguments.of(
						"2024-01-15T10:23:45.123Z INFO [http-nio-8080-exec-1] c.e.Api : GET /api/v1/users?id=42 200 14ms",
						45, 46),
				Arguments.of(
						"{\"level\":\"error\",\"msg\":\"payment declined\",\"card\":\"[CREDIT_CARD]\",\"amount\":\"12.50\"}",
						24, 24),
				Arguments.of("お誕生日おめでとう", 9, 8), Arguments.of("Größenwahn, café und naïve Übergrößen", 14, 13),
				Arguments.of("🚀🔥 deploy done ✅", 10, 6),
				Arguments.of("def fib(n):\n    return n if n < 2 else fib(n - 1) + fib(n - 2)\n", 26, 26),
				Arguments.of("<|endoftext|> is a special token", 11, 11), Arguments.of("a    b\n\n\n  c\t\td", 8, 8),
				Arguments.of("1234567890123 and 3.14159", 11, 11),
				Arguments.of("The quick brown fox jumps over the lazy dog.", 10, 10),
				Arguments.of("don't stop, they'll see we've I'm", 11, 7),
				Arguments.of("line one\r\nline two\n\n\tindented", 9, 9),
				Arguments.of("two  spaces   three    four", 7, 7),
				Arguments.of("nbsp\u00a0here and e\u0301 combining", 7, 7), Arguments.of("Привет мир, مرحبا", 11, 6),
				Arguments.of(" leading space and trailing ", 5, 5),
				Arguments.of("user's path/to/file.txt ...and !!!", 9, 9), Arguments.of("x y z A B C 1 2 3", 12, 12),
				Arguments.of("GET /api/v1/users?id=42&name=Jo%C3%ABl HTTP/1.1", 23, 23));
	}

	@ParameterizedTest
	@MethodSource("tiktokenCounts")
	void countsAsTiktokenDoesInCl100kBase(String text, int cl100k, int o200k) {
		assertThat(COUNTER.count(text)).isEqualTo(cl100k);
		assertThat(COUNTER.count(text, TokenEncoding.CL100K_BASE)).isEqualTo(cl100k);
	}

	@ParameterizedTest
	@MethodSource("tiktokenCounts")
	void countsAsTiktokenDoesInO200kBase(String text, int cl100k, int o200k) {
		assertThat(COUNTER.count(text, TokenEncoding.O200K_BASE)).isEqualTo(o200k);
	}

	@Test
	void addsUpToTheCountOfTheWholeTextOnEveryCorpusLine() {
		EncodingRegistry registry = Encodings.newLazyEncodingRegistry();
		List<String> texts = texts();
		for (TokenEncoding encoding : TokenEncoding.values()) {
			Encoding whole = registry.getEncoding(EncodingType.valueOf(encoding.name()));
			for (String text : texts) {
				assertThat(COUNTER.count(text, encoding)).as(text).isEqualTo(whole.countTokensOrdinary(text));
			}
		}
	}

	/** Every corpus line, then again runs of lines joined by newlines and by spaces. */
	private static List<String> texts() {
		List<String> lines = PiiCorpus.lines().stream().map(PiiCorpus.Line::text).toList();
		List<String> texts = new ArrayList<>(lines);
		for (int i = 0; i + 7 < lines.size(); i += 7) {
			texts.add(String.join("\n", lines.subList(i, i + 7)));
			texts.add(String.join("  ", lines.subList(i, i + 7)));
		}
		return texts;
	}

}
