package io.costlens.reports;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;
import java.util.UUID;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import org.springframework.stereotype.Component;

import io.costlens.scenarios.Granularity;
import io.costlens.scenarios.ScenarioMetrics;
import io.costlens.scenarios.Scenarios;

/**
 * CSV reports (RFC 4180, UTF-8, a header row): one row per hourly bucket, with the same
 * numbers as the metrics endpoint, or one row per log, streamed from the database.
 */
@Component
class CsvReport {

	static final String[] BUCKET_HEADER = { "hour_start", "requests", "tokens", "sqs_blocks", "cost_usd" };

	static final String[] LOG_HEADER = { "id", "received_at", "source", "size_bytes", "token_count", "sqs_blocks",
			"has_pii", "pii_types", "message_hash", "message_preview" };

	private final Scenarios scenarios;

	private final PostgresLogCsv postgres;

	CsvReport(Scenarios scenarios, PostgresLogCsv postgres) {
		this.scenarios = scenarios;
		this.postgres = postgres;
	}

	/**
	 * Writes the report; returns how many data rows it has. Per log on PostgreSQL the
	 * database formats the lines ({@link PostgresLogCsv}), the same bytes as here.
	 */
	long write(Report report, OutputStream out) throws IOException {
		boolean perLog = report.granularity() == Report.Granularity.LOG;
		if (perLog) {
			this.scenarios.get(report.scenarioId());
			OptionalLong copied = this.postgres.write(report.scenarioId(), out);
			if (copied.isPresent()) {
				return copied.getAsLong();
			}
		}
		return writePortably(report, out);
	}

	/** Writes the report with Commons CSV, from rows read through JDBC. */
	long writePortably(Report report, OutputStream out) throws IOException {
		BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
		boolean perLog = report.granularity() == Report.Granularity.LOG;
		try (CSVPrinter csv = CSVFormat.RFC4180.builder()
			.setHeader(perLog ? LOG_HEADER : BUCKET_HEADER)
			.get()
			.print(writer)) {
			long rows = perLog ? logs(report.scenarioId(), csv) : buckets(report.scenarioId(), csv);
			csv.flush();
			return rows;
		}
	}

	private long buckets(UUID scenarioId, CSVPrinter csv) throws IOException {
		ScenarioMetrics result = this.scenarios.metrics(scenarioId, Granularity.HOUR, null, null);
		for (ScenarioMetrics.Bucket bucket : result.series()) {
			csv.printRecord(bucket.start(), bucket.requests(), bucket.tokens(), bucket.sqsBlocks(),
					Money.exact(bucket.cost()));
		}
		return result.series().size();
	}

	private long logs(UUID scenarioId, CSVPrinter csv) {
		long[] rows = { 0 };
		this.scenarios.forEachLog(scenarioId, (log) -> {
			try {
				csv.printRecord(log.id(), log.receivedAt(), log.source(), log.sizeBytes(), log.tokenCount(),
						log.sqsBlocks(), log.hasPii(), String.join(";", log.piiTypes()), log.messageHash(),
						log.messagePreview());
				rows[0]++;
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
		return rows[0];
	}

}
