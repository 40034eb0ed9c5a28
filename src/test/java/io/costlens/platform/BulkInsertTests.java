package io.costlens.platform;

import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BulkInsertTests {

	@Test
	void writesRowsInCopyTextFormatWithEveryDelimiterEscaped() {
		UUID id = UUID.fromString("3fa85f64-5717-4562-b3fc-2c963f66afa6");
		List<Object[]> rows = List.of(new Object[] { id, "a\tb\nc\\d\re", 42L, true, null },
				new Object[] { id, "caf\u00e9 \\N", 7, false, Instant.parse("2026-12-01T10:15:30.123456Z") });

		String text = BulkInsert.copyText(rows, (row) -> row);

		assertThat(text).isEqualTo("3fa85f64-5717-4562-b3fc-2c963f66afa6\ta\\tb\\nc\\\\d\\re\t42\tt\t\\N\n"
				+ "3fa85f64-5717-4562-b3fc-2c963f66afa6\tcaf\u00e9 \\\\N\t7\tf\t2026-12-01 10:15:30.123456+00:00\n");
	}

	@Test
	void writesTimesWithAnOffsetInUtc() {
		OffsetDateTime berlin = OffsetDateTime.of(2026, 12, 1, 11, 0, 0, 0, ZoneOffset.ofHours(1));

		String text = BulkInsert.copyText(List.<Object[]>of(new Object[] { berlin }), (row) -> row);

		assertThat(text).isEqualTo("2026-12-01 10:00:00.000000+00:00\n");
	}

	@Test
	void readsTheSameTextInChunksShorterThanARow() throws IOException {
		List<Object[]> rows = List.of(new Object[] { "first\trow", 1L }, new Object[] { "second row", null },
				new Object[] { "third", true });
		StringBuilder read = new StringBuilder();
		char[] chunk = new char[3];

		try (BulkInsert.CopyText<Object[]> text = new BulkInsert.CopyText<>(rows, (row) -> row)) {
			for (int n = text.read(chunk, 0, chunk.length); n >= 0; n = text.read(chunk, 0, chunk.length)) {
				read.append(chunk, 0, n);
			}
		}

		assertThat(read).hasToString(BulkInsert.copyText(rows, (row) -> row));
	}

}
