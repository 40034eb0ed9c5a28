package io.costlens.reports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.costlens.accounts.Accounts;
import io.costlens.accounts.User;
import io.costlens.audit.AuditEvent;
import io.costlens.notifications.Notification;
import io.costlens.notifications.Notifications;
import io.costlens.reports.ChunkedOutput.ReportTooLarge;
import io.costlens.scenarios.Scenario;
import io.costlens.platform.NotFound;
import io.costlens.scenarios.Scenarios;

/**
 * Generates one report, as a job: the file is written in chunks and marked completed in
 * one transaction, so a generation that fails leaves no file behind. A report over the
 * size cap, or of a deleted scenario, fails at once with the reason; other failures are
 * retried by the job engine and, when it gives up, recorded with their reason.
 */
@Component
class ReportGenerator {

	private final ReportRepository reports;

	private final Scenarios scenarios;

	private final CsvReport csv;

	private final PdfReport pdf;

	private final Accounts accounts;

	private final Notifications notifications;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transaction;

	private final ReportsProperties properties;

	ReportGenerator(ReportRepository reports, Scenarios scenarios, CsvReport csv, PdfReport pdf, Accounts accounts,
			Notifications notifications, ApplicationEventPublisher events, TransactionTemplate transaction,
			ReportsProperties properties) {
		this.reports = reports;
		this.scenarios = scenarios;
		this.csv = csv;
		this.pdf = pdf;
		this.accounts = accounts;
		this.notifications = notifications;
		this.events = events;
		this.transaction = transaction;
		this.properties = properties;
	}

	Map<String, ?> generate(UUID id) {
		Optional<Report> found = this.reports.find(id);
		if (found.isEmpty() || !this.reports.start(id, Instant.now())) {
			return Map.of("skipped", found.map((r) -> r.status().value()).orElse("deleted"));
		}
		Report report = found.get();
		Scenario scenario;
		try {
			scenario = this.scenarios.get(report.scenarioId());
		}
		catch (NotFound ex) {
			failed(id, "The scenario " + report.scenarioId() + " was deleted");
			return Map.of("failed", "scenario deleted");
		}
		try {
			long size = this.transaction.execute((status) -> write(report, scenario));
			return Map.of("format", report.format().value(), "bytes", size);
		}
		catch (ReportTooLarge ex) {
			failed(id, ex.getMessage());
			return Map.of("failed", "too large");
		}
	}

	/** After the last retry: the report failed, and nothing of its file is kept. */
	void failed(UUID id, String reason) {
		this.transaction.executeWithoutResult((status) -> {
			this.reports.deleteChunks(id);
			this.reports.fail(id, reason, Instant.now());
		});
	}

	private long write(Report report, Scenario scenario) {
		this.reports.deleteChunks(report.id());
		ChunkedOutput out = new ChunkedOutput(this.reports, report.id(), this.properties.maxSize());
		try {
			if (report.format() == Report.Format.PDF) {
				this.pdf.write(report, scenario, out);
			}
			else {
				this.csv.write(report, out);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		out.close();
		this.reports.complete(report.id(), out.size(), Instant.now());
		User requester = this.accounts.user(report.requestedBy());
		this.events.publishEvent(AuditEvent
			.of(requester.username(), "report.generated", "generate", "report", report.id().toString(), null)
			.with(Map.of("scenario_id", scenario.id().toString(), "format", report.format().value(), "size_bytes",
					out.size())));
		if (requester.email() != null && requester.active()) {
			this.notifications
				.send(Notification.reportReady(requester.email(), requester.locale(), requester.username(),
						scenario.name(), report.format().name(), report.id().toString(), report.expiresAt()));
		}
		return out.size();
	}

}
