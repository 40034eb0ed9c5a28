package io.costlens.reports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.parser.PdfTextExtractor;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.costlens.IntegrationTest;
import io.costlens.TestApi;
import io.costlens.TestApi.Response;
import io.costlens.TestUsers;
import io.costlens.TestUsers.User;
import io.costlens.platform.DataDirectory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Reports as a client uses them: request, poll, download; the numbers are the metrics
 * endpoint's; only the requester and admins see a report; bad requests change nothing.
 */
@IntegrationTest
class ReportsIntegrationTests {

	@Autowired
	TestApi api;

	@Autowired
	TestUsers users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataDirectory dataDirectory;

	@Test
	void csvBucketsCarryTheMetricsEndpointsNumbers() throws IOException {
		String scenario = ReportFixtures.scenarioWithLogs(this.api, this.jdbc, 3);
		String report = ReportFixtures.request(this.api, TestApi.ADMIN_KEY, scenario, "{\"format\":\"csv\"}");

		JsonNode status = ReportFixtures.finished(this.api, TestApi.ADMIN_KEY, report);
		assertThat(status.get("status").asString()).isEqualTo("completed");
		assertThat(status.get("download_url").asString()).isEqualTo("/api/v2/reports/" + report + "/download");
		Response download = this.api.get("/api/v2/reports/" + report + "/download").send();

		assertThat(download.status()).isEqualTo(200);
		assertThat(download.contentType()).isEqualTo("text/csv;charset=UTF-8");
		assertThat(download.header("Content-Disposition")).startsWith("attachment; filename=\"report-")
			.endsWith(".csv\"");
		assertThat(Long.parseLong(download.header("Content-Length"))).isEqualTo(status.get("size_bytes").asLong());
		List<CSVRecord> rows = CSVFormat.RFC4180.builder()
			.setHeader()
			.get()
			.parse(new StringReader(download.body()))
			.getRecords();
		assertThat(rows.get(0).getParser().getHeaderNames()).containsExactly(CsvReport.BUCKET_HEADER);
		Map<String, String> costs = new HashMap<>();
		Map<String, Long> requests = new HashMap<>();
		for (JsonNode point : this.api.get("/api/v1/scenarios/" + scenario + "/metrics")
			.send()
			.json()
			.get("timeseries")) {
			if (point.get("metric_type").asString().equals("cost_usd")) {
				costs.put(point.get("timestamp").asString(), point.get("value").asString());
			}
			if (point.get("metric_type").asString().equals("requests")) {
				requests.put(point.get("timestamp").asString(), point.get("value").asLong());
			}
		}
		assertThat(rows).hasSize(4).hasSize(costs.size());
		for (CSVRecord row : rows) {
			assertThat(row.get("cost_usd")).as(row.get("hour_start")).isEqualTo(costs.get(row.get("hour_start")));
			assertThat(Long.parseLong(row.get("requests"))).isEqualTo(requests.get(row.get("hour_start")));
		}
	}

	@Test
	void thePdfHasTheTitleBlockSummaryCostsChartAndMaskedLogs() throws IOException {
		String scenario = ReportFixtures.scenarioWithLogs(this.api, this.jdbc, 5);
		String report = ReportFixtures.request(this.api, TestApi.ADMIN_KEY, scenario, "{\"format\":\"pdf\"}");
		assertThat(ReportFixtures.finished(this.api, TestApi.ADMIN_KEY, report).get("status").asString())
			.isEqualTo("completed");

		byte[] pdf = bytes("/api/v2/reports/" + report + "/download", TestApi.ADMIN_KEY);

		assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
		String text = text(pdf);
		JsonNode metrics = this.api.get("/api/v1/scenarios/" + scenario + "/metrics").send().json();
		String name = this.api.get("/api/v1/scenarios/" + scenario).send().json().get("name").asString();
		assertThat(text).contains("Scenario report: " + name)
			.contains("us-east-1")
			.contains("Summary")
			.contains("Cost breakdown")
			.contains("Time series (hourly)")
			.contains("[EMAIL]")
			.doesNotContain("jane.doe@example.com")
			.contains(Money.readable(new BigDecimal(metrics.get("summary").get("total_cost_usd").asString())))
			.contains("sqs/standard");
	}

	@Test
	void aCsvPerLogHasOneRowPerStoredLogWithTheMaskedPreview() throws IOException {
		String scenario = ReportFixtures.scenarioWithLogs(this.api, this.jdbc, 0);
		String report = ReportFixtures.request(this.api, TestApi.ADMIN_KEY, scenario,
				"{\"format\":\"csv\",\"granularity\":\"log\"}");
		ReportFixtures.finished(this.api, TestApi.ADMIN_KEY, report);

		Response download = this.api.get("/api/v2/reports/" + report + "/download").send();

		List<CSVRecord> rows = CSVFormat.RFC4180.builder()
			.setHeader()
			.get()
			.parse(new StringReader(download.body()))
			.getRecords();
		assertThat(rows).hasSize(3);
		assertThat(rows.get(1).get("message_preview")).isEqualTo("mail [EMAIL] about order 2");
		assertThat(rows.get(1).get("pii_types")).isEqualTo("email");
		assertThat(rows.get(2).get("message_preview")).isEqualTo("order 3 shipped, \"fast\", tracking 42");
	}

	@Test
	void onlyTheRequesterAndAdminsSeeAReport() {
		String scenario = ReportFixtures.scenarioWithLogs(this.api, this.jdbc, 0);
		User owner = this.users.member();
		User other = this.users.member();
		User viewer = this.users.create("viewer", "free");
		String report = ReportFixtures.request(this.api, owner.apiKey(), scenario, "{\"format\":\"csv\"}");
		ReportFixtures.finished(this.api, owner.apiKey(), report);

		assertThat(this.api.get("/api/v2/reports/" + report + "/status").as(other.apiKey()).send().status())
			.isEqualTo(404);
		assertThat(this.api.get("/api/v2/reports/" + report + "/download").as(other.apiKey()).send().status())
			.isEqualTo(404);
		assertThat(this.api.get("/api/v2/scenarios/" + scenario + "/reports")
			.as(other.apiKey())
			.send()
			.json()
			.get("total")
			.asLong()).isZero();
		assertThat(this.api.get("/api/v2/reports/" + report + "/download").as(owner.apiKey()).send().status())
			.isEqualTo(200);
		assertThat(this.api.get("/api/v2/reports/" + report + "/download").send().status()).isEqualTo(200);
		JsonNode listed = this.api.get("/api/v2/scenarios/" + scenario + "/reports").send().json();
		assertThat(listed.get("items").get(0).get("report_id").asString()).isEqualTo(report);
		assertThat(this.api.post("/api/v2/scenarios/" + scenario + "/reports", "{\"format\":\"csv\"}")
			.as(viewer.apiKey())
			.send()
			.status()).isEqualTo(403);
	}

	@Test
	void auditsGenerationAndDownloadAndMailsTheRequester() throws Exception {
		String scenario = ReportFixtures.scenarioWithLogs(this.api, this.jdbc, 0);
		User owner = this.users.member();
		String report = ReportFixtures.request(this.api, owner.apiKey(), scenario, "{\"format\":\"pdf\"}");
		ReportFixtures.finished(this.api, owner.apiKey(), report);

		this.api.get("/api/v2/reports/" + report + "/download").as(owner.apiKey()).send();

		// The download is recorded in the transaction that streamed it, which commits
		// just
		// after the client has read the last byte.
		JsonNode entries = await().atMost(Duration.ofSeconds(10))
			.until(() -> this.api.get("/api/v2/audit?resource_type=report&resource_id=" + report).send().json(),
					(found) -> found.get("items").findValuesAsString("event_type").contains("report.downloaded"));
		assertThat(entries.get("items").findValuesAsString("event_type")).contains("report.generated",
				"report.downloaded");
		assertThat(entries.get("items").findValuesAsString("actor")).containsOnly(owner.username());
		MimeMessage mail = await().atMost(Duration.ofSeconds(20)).until(() -> reportMail(report), (m) -> m != null);
		assertThat(mail.getAllRecipients()[0].toString()).isEqualTo(owner.username() + "@example.com");
		assertThat(mail.getSubject()).startsWith("Your Costlens report of report-").endsWith(" is ready");
	}

	@Test
	void refusesUnknownFormatsSectionsAndScenariosAndStoresNothing() {
		String scenario = ReportFixtures.scenarioWithLogs(this.api, this.jdbc, 0);
		Map<String, String> bad = Map.of("{\"format\":\"docx\"}", "format",
				"{\"format\":\"pdf\",\"include_sections\":[\"summary\",\"charts\"]}", "include_sections",
				"{\"format\":\"pdf\",\"granularity\":\"log\"}", "granularity",
				"{\"format\":\"csv\",\"include_sections\":[\"summary\"]}", "include_sections",
				"{\"include_sections\":[\"summary\"]}", "format");
		bad.forEach((body, field) -> {
			Response refused = this.api.post("/api/v2/scenarios/" + scenario + "/reports", body).send();
			assertThat(refused.status()).as(body).isEqualTo(422);
			assertThat(refused.body()).as(body).contains(field);
		});
		Response unknown = this.api.post("/api/v2/scenarios/" + UUID.randomUUID() + "/reports", "{\"format\":\"pdf\"}")
			.send();

		assertThat(unknown.status()).isEqualTo(404);
		assertThat(this.api.get("/api/v2/scenarios/" + scenario + "/reports").send().json().get("total").asLong())
			.isZero();
		assertThat(this.api.get("/api/v2/reports/" + UUID.randomUUID() + "/status").send().status()).isEqualTo(404);
	}

	@Test
	void aReportNotCompletedYetIsAConflictNamingItsStatus() {
		String scenario = ReportFixtures.scenarioWithLogs(this.api, this.jdbc, 0);
		UUID admin = UUID.fromString(this.api.get("/api/v2/auth/me").send().json().get("id").asString());
		UUID queued = UUID.randomUUID();
		this.jdbc.sql("""
				insert into reports (id, scenario_id, requested_by, format, sections, granularity, status, file_name,
				    created_at, expires_at) values (:id, :scenario, :admin, 'pdf', 'summary', 'hour', 'queued', 'x.pdf',
				    :now, :expires)""")
			.param("id", queued)
			.param("scenario", UUID.fromString(scenario))
			.param("admin", admin)
			.param("now", Instant.now().atOffset(java.time.ZoneOffset.UTC))
			.param("expires", Instant.now().plusSeconds(3600).atOffset(java.time.ZoneOffset.UTC))
			.update();

		Response early = this.api.get("/api/v2/reports/" + queued + "/download").send();

		assertThat(early.status()).isEqualTo(409);
		assertThat(early.json().get("error").asString()).isEqualTo("conflict");
		assertThat(early.json().get("detail").asString()).contains("is queued");
	}

	private MimeMessage reportMail(String report) throws Exception {
		Path outbox = this.dataDirectory.resolve("outbox");
		if (!Files.isDirectory(outbox)) {
			return null;
		}
		try (Stream<Path> files = Files.list(outbox)) {
			for (Path file : files.filter((f) -> f.toString().contains("-report_ready-")).toList()) {
				try (InputStream in = Files.newInputStream(file)) {
					MimeMessage mail = new MimeMessage(Session.getInstance(new Properties()), in);
					if (new String(Files.readAllBytes(file)).contains(report)) {
						return mail;
					}
				}
			}
		}
		return null;
	}

	private byte[] bytes(String path, String apiKey) {
		try {
			return java.net.http.HttpClient.newHttpClient()
				.send(java.net.http.HttpRequest.newBuilder(this.api.uri(path))
					.header("X-API-Key", apiKey)
					.method("GET", BodyPublishers.noBody())
					.build(), BodyHandlers.ofByteArray())
				.body();
		}
		catch (IOException | InterruptedException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String text(byte[] pdf) throws IOException {
		PdfReader reader = new PdfReader(new ByteArrayInputStream(pdf));
		PdfTextExtractor extractor = new PdfTextExtractor(reader);
		StringBuilder text = new StringBuilder();
		for (int page = 1; page <= reader.getNumberOfPages(); page++) {
			text.append(extractor.getTextFromPage(page)).append('\n');
		}
		return text.toString();
	}

}
