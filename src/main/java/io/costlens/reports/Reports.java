package io.costlens.reports;

import java.io.OutputStream;
import java.text.Normalizer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.github.kagkarlsson.scheduler.task.Task;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.costlens.audit.AuditEvent;
import io.costlens.platform.Conflict;
import io.costlens.platform.CurrentUser;
import io.costlens.platform.InvalidFields;
import io.costlens.platform.Jobs;
import io.costlens.platform.NotFound;
import io.costlens.platform.Page;
import io.costlens.scenarios.Scenario;
import io.costlens.scenarios.Scenarios;

/**
 * Requests reports and hands them out. A report belongs to whoever requested it: other
 * members and viewers get 404, admins see every report.
 */
@Service
public class Reports {

	/**
	 * The data set of the reports' rows: a request, a start, a completion, a failure and
	 * the expiry sweep mark it changed. A cache of what lists reports names it.
	 */
	public static final String DATA = "reports";

	private static final DateTimeFormatter FILE_DATE = DateTimeFormatter.ofPattern("yyyyMMdd-HHmm")
		.withZone(ZoneOffset.UTC);

	private final ReportRepository reports;

	private final Scenarios scenarios;

	private final Jobs jobs;

	private final Task<String> generation;

	private final ApplicationEventPublisher events;

	private final ReportsProperties properties;

	Reports(ReportRepository reports, Scenarios scenarios, Jobs jobs,
			@Qualifier("reportGenerationTask") Task<String> generation, ApplicationEventPublisher events,
			ReportsProperties properties) {
		this.reports = reports;
		this.scenarios = scenarios;
		this.jobs = jobs;
		this.generation = generation;
		this.events = events;
		this.properties = properties;
	}

	/** Queues a report of the scenario; a job generates it. */
	@Transactional
	public Report request(UUID scenarioId, Report.Format format, List<Report.Section> sections,
			Report.Granularity granularity, CurrentUser caller) {
		Scenario scenario = this.scenarios.get(scenarioId);
		Instant now = Instant.now();
		UUID id = UUID.randomUUID();
		Report report = new Report(id, scenarioId, caller.userId(), format, sections, granularity, Report.Status.QUEUED,
				null, null, fileName(scenario, format, now), now, null, null, now.plus(this.properties.ttl()));
		this.reports.insert(report);
		this.jobs.enqueue(this.generation, id.toString(), id.toString());
		return report;
	}

	/**
	 * Queues a report as {@code POST /api/v2/scenarios/{id}/reports} reads its body: a
	 * PDF of every section, or a CSV by hour ({@code granularity} {@code null}) or by
	 * log.
	 */
	@Transactional
	public Report request(UUID scenarioId, String format, @Nullable String granularity, CurrentUser caller) {
		if (!format.equals("pdf") && !format.equals("csv")) {
			throw new InvalidFields(List.of(new InvalidFields.Field("format", "must be pdf or csv")));
		}
		if (granularity != null && !granularity.equals("hour") && !granularity.equals("log")) {
			throw new InvalidFields(List.of(new InvalidFields.Field("granularity", "must be hour or log")));
		}
		ReportController.ReportRequest body = new ReportController.ReportRequest(format, null, granularity);
		return request(scenarioId, body.reportFormat(), body.sections(), body.reportGranularity(), caller);
	}

	@Transactional(readOnly = true)
	public Report get(UUID id, CurrentUser caller) {
		return this.reports.find(id)
			.filter((report) -> caller.isAdmin() || report.requestedBy().equals(caller.userId()))
			.filter((report) -> report.expiresAt().isAfter(Instant.now()))
			.orElseThrow(() -> new NotFound("No report " + id));
	}

	@Transactional(readOnly = true)
	public Page<Report> list(UUID scenarioId, CurrentUser caller, int page, int pageSize) {
		this.scenarios.get(scenarioId);
		UUID requester = caller.isAdmin() ? null : caller.userId();
		return new Page<>(this.reports.findByScenario(scenarioId, requester, Page.offset(page, pageSize), pageSize),
				this.reports.countByScenario(scenarioId, requester), page, pageSize);
	}

	/** The caller's reports (an admin's: everyone's) of every scenario, newest first. */
	@Transactional(readOnly = true)
	public Page<Report> list(CurrentUser caller, int page, int pageSize) {
		UUID requester = caller.isAdmin() ? null : caller.userId();
		return new Page<>(this.reports.findAll(requester, (page - 1) * pageSize, pageSize),
				this.reports.countAll(requester), page, pageSize);
	}

	/** The completed report, ready to download; 409 naming the status otherwise. */
	@Transactional(readOnly = true)
	public Report downloadable(UUID id, CurrentUser caller) {
		Report report = get(id, caller);
		if (report.status() != Report.Status.COMPLETED) {
			throw new Conflict("Report " + id + " is " + report.status().value()
					+ ((report.failure() != null) ? " (" + report.failure() + ")" : "")
					+ ": it can be downloaded once it is completed");
		}
		return report;
	}

	/** Copies the file to {@code out} and records the download. */
	@Transactional
	public void download(Report report, CurrentUser caller, String clientIp, OutputStream out) {
		this.reports.copyTo(report.id(), out);
		this.events.publishEvent(AuditEvent
			.of(caller.username(), "report.downloaded", "download", "report", report.id().toString(), clientIp)
			.with(Map.of("scenario_id", report.scenarioId().toString(), "format", report.format().value())));
	}

	private static String fileName(Scenario scenario, Report.Format format, Instant now) {
		String ascii = Normalizer.normalize(scenario.name(), Normalizer.Form.NFD)
			.replaceAll("\\p{M}", "")
			.toLowerCase(Locale.ROOT)
			.replaceAll("[^a-z0-9]+", "-")
			.replaceAll("(^-+|-+$)", "");
		String base = ascii.isEmpty() ? "scenario" : ascii.substring(0, Math.min(ascii.length(), 80));
		return base + "-report-" + FILE_DATE.format(now) + "." + format.value();
	}

}
