package io.costlens.reports;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.costlens.OwnH2Database;
import io.costlens.TestApi;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The size cap, on a database of its own (so that this context's job engine, with its
 * small cap, is the one that generates the reports).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:report-limits" + OwnH2Database.OPTIONS,
				OwnH2Database.NO_SCHEMA, OwnH2Database.USER, "costlens.reports.max-size=2KB",
				"db-scheduler.polling-interval=250ms" })
@Import(TestApi.class)
class ReportLimitsIntegrationTests {

	@Autowired
	TestApi api;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aReportOverTheCapFailsWithTheReasonAndLeavesNothingBehind() {
		String scenario = ReportFixtures.scenarioWithLogs(this.api, this.jdbc, 719);
		String report = ReportFixtures.request(this.api, TestApi.ADMIN_KEY, scenario,
				"{\"format\":\"pdf\",\"include_sections\":[\"timeseries\"]}");

		JsonNode status = ReportFixtures.finished(this.api, TestApi.ADMIN_KEY, report);

		assertThat(status.get("status").asString()).isEqualTo("failed");
		assertThat(status.get("failure_reason").asString())
			.isEqualTo("The report is larger than the cap of 2048 bytes (costlens.reports.max-size)");
		assertThat(status.get("download_url").isNull()).isTrue();
		assertThat(this.jdbc.sql("select count(*) from report_chunks where report_id = cast(:id as uuid)")
			.param("id", report)
			.query(Integer.class)
			.single()).isZero();
		TestApi.Response download = this.api.get("/api/v2/reports/" + report + "/download").send();
		assertThat(download.status()).isEqualTo(409);
		assertThat(download.json().get("detail").asString()).contains("is failed").contains("cap");
	}

}
