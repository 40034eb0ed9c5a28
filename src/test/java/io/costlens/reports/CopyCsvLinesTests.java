package io.costlens.reports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

/**
 * Rows as PostgreSQL's {@code COPY … (FORMAT csv)} sends them become the lines Commons
 * CSV prints for the same values.
 */
class CopyCsvLinesTests {

	private static final String ID = "3fa85f64-5717-4562-b3fc-2c963f66afa6";

	private static final String HASH = "ab".repeat(32);

	private static final List<String> AWKWARD = List.of("GET /api/orders/7 200", "", "#starts like a comment",
			" leading space", "trailing space ", "trailing tab\t", "tab\tinside", "a, comma", "a \"quoted\" word", "\"",
			",", "line\nbreak", "carriage\rreturn", "crlf at the end\r\n", "back\\slash \\n", "$ first is fine",
			"!bang first", "ünïcödé ✓ 🚀 日本語", "control \u0001 char", "\\.", "note: \"retry, then give up\"");

	@Test
	void writesEachAwkwardValueAsCommonsCsvPrintsIt() throws IOException {
		for (String value : AWKWARD) {
			String row = String.join(",", ID, "2026-10-01 00:00:01.5", postgres(value), "300", "60", "1", "t",
					postgres("email,phone"), HASH, postgres(value)) + "\n";

			assertThat(rewritten(row)).as(value)
				.isEqualTo(commons(ID, Instant.parse("2026-10-01T00:00:01.500Z"), value, 300, 60, 1, true,
						"email;phone", HASH, value));
		}
	}

	@Test
	void printsTimesAsInstantsDoInGroupsOfThreeDigits() throws IOException {
		assertThat(time("2026-10-01 00:00:00")).isEqualTo("2026-10-01T00:00:00Z");
		assertThat(time("2026-10-01 00:00:00.5")).isEqualTo("2026-10-01T00:00:00.500Z");
		assertThat(time("2026-10-01 00:00:00.123")).isEqualTo("2026-10-01T00:00:00.123Z");
		assertThat(time("2026-10-01 00:00:00.1234")).isEqualTo("2026-10-01T00:00:00.123400Z");
		assertThat(time("2026-10-01 00:00:00.000001")).isEqualTo("2026-10-01T00:00:00.000001Z");
		assertThat(time("2026-10-01 00:00:00.000001")).isEqualTo(Instant.parse("2026-10-01T00:00:00.000001Z") + "");
	}

	@Test
	void printsFalseAndEmptyPiiTypes() throws IOException {
		String row = String.join(",", ID, "2026-10-01 23:59:59", "checkout", "1", "2", "3", "f", "\"\"", HASH, "x")
				+ "\n";

		assertThat(rewritten(row))
			.isEqualTo(commons(ID, Instant.parse("2026-10-01T23:59:59Z"), "checkout", 1, 2, 3, false, "", HASH, "x"));
	}

	@Test
	void refusesARowItCannotRead() {
		assertThatIOException().isThrownBy(() -> rewritten(ID + ",2026-10-01T00:00:00Z,a,1,2,3,t,,h,x\n"));
		assertThatIOException().isThrownBy(() -> rewritten(ID + ",2026-10-01 00:00:00,a,1,2,3,yes,,h,x\n"));
		assertThatIOException().isThrownBy(() -> rewritten(ID + ",2026-10-01 00:00:00,\"open,1,2,3,t,,h,x\n"));
	}

	private static String time(String postgres) throws IOException {
		String line = rewritten(String.join(",", ID, postgres, "a", "1", "2", "3", "t", "", HASH, "x") + "\n");
		return line.split(",")[1];
	}

	private static String rewritten(String row) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		new CopyCsvLines().write(row.getBytes(StandardCharsets.UTF_8), out);
		return out.toString(StandardCharsets.UTF_8);
	}

	/** A text value as PostgreSQL's CSV output quotes it. */
	private static String postgres(String value) {
		boolean quote = value.isEmpty() || value.equals("\\.") || value.contains(",") || value.contains("\"")
				|| value.contains("\n") || value.contains("\r");
		return quote ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
	}

	private static String commons(Object... values) throws IOException {
		StringWriter out = new StringWriter();
		try (CSVPrinter printer = CSVFormat.RFC4180.print(out)) {
			printer.printRecord(values);
		}
		return out.toString();
	}

}
