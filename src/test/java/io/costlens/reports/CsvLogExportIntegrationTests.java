package io.costlens.reports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.costlens.IntegrationTest;
import io.costlens.TestApi;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The per-log CSV: on PostgreSQL the database writes it with {@code COPY}, byte for byte
 * what the portable path (Commons CSV over JDBC) writes, for every kind of value that
 * needs quoting or a particular time format; elsewhere the portable path runs. Either way
 * a large report is stored in whole chunks and downloaded as it was written.
 */
@IntegrationTest
class CsvLogExportIntegrationTests {

	/** Values the CSV has to quote, or must not quote, or must keep byte for byte. */
	private static final List<String> AWKWARD = List.of("GET /api/orders/7 200", "", "#starts like a comment",
			" leading space", "trailing space ", "trailing tab\t", "tab\tinside", "a, comma", "a \"quoted\" word", "\"",
			",", "line\nbreak", "carriage\rreturn", "crlf at the end\r\n", "back\\slash \\n", "$ first is fine",
			"!bang first", "ünïcödé ✓ 🚀 日本語", "control \u0001 char", "note: \"retry, then give up\"");

	@Autowired
	TestApi api;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JdbcTemplate connections;

	@Autowired
	CsvReport csv;

	@Autowired
	PostgresLogCsv postgres;

	@Test
	void copyWritesTheSameBytesAsThePortablePathOnPostgres() throws IOException {
		UUID scenario = scenario();
		Instant base = Instant.parse("2026-10-01T00:00:00Z");
		long[] micros = { 0, 500_000, 123_000, 1, 123_456, 999_999, 10 };
		List<String> sources = List.of("checkout", " spaced", "#hash", "a,b", "api-gateway");
		List<String> types = List.of("", "email", "email,phone", "credit_card,iban,ssn");
		for (int i = 0; i < AWKWARD.size() * 2; i++) {
			insertLog(scenario, base.plusSeconds(i).plusNanos(micros[i % micros.length] * 1000),
					AWKWARD.get(i % AWKWARD.size()), sources.get(i % sources.size()), types.get(i % types.size()),
					i % 2 == 0);
		}

		byte[] portable = portable(scenario);
		ByteArrayOutputStream copied = new ByteArrayOutputStream();
		OptionalLong rows = this.postgres.write(scenario, copied);

		if ("postgres".equals(System.getProperty("costlens.test.database"))) {
			assertThat(rows).hasValue(AWKWARD.size() * 2L);
			assertThat(new String(copied.toByteArray(), StandardCharsets.UTF_8))
				.isEqualTo(new String(portable, StandardCharsets.UTF_8));
			assertThat(copied.toByteArray()).isEqualTo(portable);
		}
		else {
			assertThat(rows).isEmpty();
			assertThat(copied.size()).isZero();
		}
		List<CSVRecord> records = CSVFormat.RFC4180.builder()
			.setHeader()
			.get()
			.parse(new StringReader(new String(written(scenario), StandardCharsets.UTF_8)))
			.getRecords();
		assertThat(records).extracting((r) -> r.get("message_preview"))
			.containsExactlyElementsOf(Stream.concat(AWKWARD.stream(), AWKWARD.stream()).toList());
		assertThat(records.get(2).get("pii_types")).isEqualTo("email;phone");
		assertThat(records.get(1).get("received_at")).isEqualTo("2026-10-01T00:00:01.500Z");
		assertThat(records.get(4).get("received_at")).isEqualTo("2026-10-01T00:00:04.123456Z");
	}

	@Test
	void aScenarioWithoutLogsGetsTheHeaderAlone() throws IOException {
		UUID scenario = scenario();

		assertThat(new String(written(scenario), StandardCharsets.UTF_8)).isEqualTo(
				"id,received_at,source,size_bytes,token_count,sqs_blocks,has_pii,pii_types,message_hash,message_preview\r\n");
		assertThat(written(scenario)).isEqualTo(portable(scenario));
	}

	@Test
	void aReportOfManyChunksIsStoredInWholeChunksAndServedByteForByte() throws IOException {
		UUID scenario = scenario();
		Instant base = Instant.parse("2026-10-01T00:00:00Z");
		List<Object[]> rows = new ArrayList<>();
		for (int i = 0; i < 3000; i++) {
			String preview = AWKWARD.get(i % AWKWARD.size()) + " " + "padding ".repeat(40) + i;
			rows.add(new Object[] { UUID.randomUUID(), scenario, base.plusMillis(i * 1001L).atOffset(ZoneOffset.UTC),
					"ab".repeat(32), preview, "checkout", preview.length(), i % 5 == 0, (i % 5 == 0) ? "email" : "",
					preview.length() / 4, 1 });
		}
		this.connections.batchUpdate(
				"""
						insert into scenario_logs (id, scenario_id, received_at, message_hash, message_preview, source,
						    size_bytes, has_pii, pii_types, token_count, sqs_blocks) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
				rows);
		String report = ReportFixtures.request(this.api, TestApi.ADMIN_KEY, scenario.toString(),
				"{\"format\":\"csv\",\"granularity\":\"log\"}");
		JsonNode status = ReportFixtures.finished(this.api, TestApi.ADMIN_KEY, report);

		TestApi.Response download = this.api.get("/api/v2/reports/" + report + "/download").send();

		byte[] portable = portable(scenario);
		assertThat(status.get("status").asString()).isEqualTo("completed");
		assertThat(status.get("size_bytes").asLong()).isEqualTo(portable.length);
		assertThat(download.body()).isEqualTo(new String(portable, StandardCharsets.UTF_8));
		List<Integer> chunks = this.jdbc
			.sql("select octet_length(data) from report_chunks where report_id = :id order by seq")
			.param("id", UUID.fromString(report))
			.query(Integer.class)
			.list();
		assertThat(chunks).hasSize((portable.length + ChunkedOutput.CHUNK - 1) / ChunkedOutput.CHUNK)
			.hasSizeGreaterThan(4);
		assertThat(chunks.subList(0, chunks.size() - 1)).containsOnly(ChunkedOutput.CHUNK);
	}

	private byte[] written(UUID scenario) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		this.csv.write(report(scenario), out);
		return out.toByteArray();
	}

	private byte[] portable(UUID scenario) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		this.csv.writePortably(report(scenario), out);
		return out.toByteArray();
	}

	private static Report report(UUID scenario) {
		Instant now = Instant.now();
		return new Report(UUID.randomUUID(), scenario, UUID.randomUUID(), Report.Format.CSV,
				List.of(Report.Section.LOGS), Report.Granularity.LOG, Report.Status.RUNNING, null, null, "logs.csv",
				now, now, null, now.plusSeconds(60));
	}

	private UUID scenario() {
		TestApi.Response created = this.api
			.post("/api/v1/scenarios",
					"{\"name\":\"csv-" + UUID.randomUUID().toString().substring(0, 8) + "\",\"region\":\"us-east-1\"}")
			.send();
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return UUID.fromString(created.json().get("id").asString());
	}

	private void insertLog(UUID scenario, Instant at, String preview, String source, String types, boolean pii) {
		this.jdbc.sql("""
				insert into scenario_logs (id, scenario_id, received_at, message_hash, message_preview, source,
				    size_bytes, has_pii, pii_types, token_count, sqs_blocks)
				values (:id, :scenario, :at, :hash, :preview, :source, :size, :pii, :types, :tokens, 1)""")
			.param("id", UUID.randomUUID())
			.param("scenario", scenario)
			.param("at", at.atOffset(ZoneOffset.UTC))
			.param("hash", "ab".repeat(32))
			.param("preview", preview)
			.param("source", source)
			.param("size", preview.length() + 1)
			.param("pii", pii)
			.param("types", types)
			.param("tokens", preview.length() / 4)
			.update();
	}

}
