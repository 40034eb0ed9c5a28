package io.costlens.reports;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.costlens.platform.ApiExample;
import io.costlens.platform.CurrentUser;
import io.costlens.platform.InvalidFields;
import io.costlens.platform.Page;

@Tag(name = "Reports", description = "PDF and CSV reports of a scenario, generated in the background")
@RestController
@Validated
class ReportController {

	private final Reports reports;

	ReportController(Reports reports) {
		this.reports = reports;
	}

	@Operation(summary = "Request a report of the scenario (PDF or CSV); a job generates it",
			description = "`include_sections` (PDF: any of summary, costs, timeseries, logs; default all) and "
					+ "`granularity` (CSV: `hour`, one row per hourly bucket, the default, or `log`, one row per "
					+ "log). Example: {\"format\":\"pdf\",\"include_sections\":[\"summary\",\"costs\"]}")
	@ApiResponse(responseCode = "202", description = "queued: poll status_url")
	@ApiResponse(responseCode = "404", description = "not_found: no such scenario")
	@ApiResponse(responseCode = "422", description = "validation_error: unknown format, section or granularity")
	@ApiExample(body = "{\"format\":\"pdf\",\"include_sections\":[\"summary\",\"costs\",\"timeseries\"]}",
			params = "id=3fa85f64-5717-4562-b3fc-2c963f66afa6")
	@PostMapping("/api/v2/scenarios/{id}/reports")
	@ResponseStatus(HttpStatus.ACCEPTED)
	Accepted request(@PathVariable UUID id, @Valid @RequestBody ReportRequest body,
			@AuthenticationPrincipal CurrentUser caller) {
		Report report = this.reports.request(id, body.reportFormat(), body.sections(), body.reportGranularity(),
				caller);
		return new Accepted(report.id(), report.status().value(), statusUrl(report.id()));
	}

	@Operation(summary = "List the scenario's reports, newest first (members see their own)")
	@ApiResponse(responseCode = "404", description = "not_found: no such scenario")
	@ApiExample(params = { "id=3fa85f64-5717-4562-b3fc-2c963f66afa6", "page=1", "page_size=20" })
	@GetMapping("/api/v2/scenarios/{id}/reports")
	Page<ReportView> list(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser caller,
			@RequestParam(defaultValue = "1") @Min(1) int page,
			@RequestParam(name = "page_size", defaultValue = "20") @Min(1) @Max(100) int pageSize) {
		return this.reports.list(id, caller, page, pageSize).map(ReportView::of);
	}

	@Operation(summary = "Where a report's generation stands: queued, running, completed (with its download URL) "
			+ "or failed (with the reason)")
	@ApiResponse(responseCode = "404", description = "not_found: no such report, or another user's")
	@ApiExample(params = "id=3fa85f64-5717-4562-b3fc-2c963f66afa6")
	@GetMapping("/api/v2/reports/{id}/status")
	ReportView status(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser caller) {
		return ReportView.of(this.reports.get(id, caller));
	}

	@Operation(summary = "Download a completed report (application/pdf or text/csv, as an attachment)")
	@ApiResponse(responseCode = "404", description = "not_found: no such report, or another user's")
	@ApiResponse(responseCode = "409", description = "conflict: not completed yet, or failed; names the status")
	@ApiExample(params = "id=3fa85f64-5717-4562-b3fc-2c963f66afa6")
	@GetMapping("/api/v2/reports/{id}/download")
	void download(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser caller, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		Report report = this.reports.downloadable(id, caller);
		response.setStatus(HttpStatus.OK.value());
		response.setContentType(report.format().contentType());
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(report.fileName()).build().toString());
		if (report.sizeBytes() != null) {
			response.setContentLengthLong(report.sizeBytes());
		}
		this.reports.download(report, caller, request.getRemoteAddr(), response.getOutputStream());
	}

	private static String statusUrl(UUID id) {
		return "/api/v2/reports/" + id + "/status";
	}

	/**
	 * What a report request asks for.
	 *
	 * @param format {@code pdf} or {@code csv}
	 * @param includeSections the parts of a PDF (default all four); a CSV takes only the
	 * one its granularity makes (timeseries or logs)
	 * @param granularity what a CSV row is: {@code hour} (default) or {@code log}
	 */
	record ReportRequest(@NotNull @Pattern(regexp = "pdf|csv", message = "must be pdf or csv") String format,
			@Nullable @Size(min = 1, max = 4,
					message = "must name 1 to 4 sections") List<@NotNull @Size(max = 16) @Pattern(
							regexp = "summary|costs|timeseries|logs",
							message = "must be summary, costs, timeseries or logs") String> includeSections,
			@Nullable @Pattern(regexp = "hour|log", message = "must be hour or log") String granularity) {

		Report.Format reportFormat() {
			return Report.Format.valueOf(this.format.toUpperCase(Locale.ROOT));
		}

		Report.Granularity reportGranularity() {
			if (this.granularity != null && reportFormat() == Report.Format.PDF) {
				throw invalid("granularity", "applies to CSV reports only (a PDF's chart is hourly)");
			}
			return (this.granularity != null) ? Report.Granularity.valueOf(this.granularity.toUpperCase(Locale.ROOT))
					: Report.Granularity.HOUR;
		}

		List<Report.Section> sections() {
			List<Report.Section> sections = new ArrayList<>();
			List<String> names = (this.includeSections != null) ? this.includeSections
					: List.of("summary", "costs", "timeseries", "logs");
			for (String name : names) {
				Report.Section section = Report.Section.valueOf(name.toUpperCase(Locale.ROOT));
				if (!sections.contains(section)) {
					sections.add(section);
				}
			}
			if (reportFormat() == Report.Format.CSV) {
				Report.Section rows = (reportGranularity() == Report.Granularity.LOG) ? Report.Section.LOGS
						: Report.Section.TIMESERIES;
				if (this.includeSections != null && !sections.equals(List.of(rows))) {
					throw invalid("include_sections", "a CSV report holds one table: [\"" + rows.value()
							+ "\"] for granularity " + reportGranularity().value());
				}
				return List.of(rows);
			}
			return sections;
		}

		private static InvalidFields invalid(String field, String message) {
			return new InvalidFields(List.of(new InvalidFields.Field(field, message)));
		}

	}

	/** The answer to a report request. */
	record Accepted(UUID reportId, String status, String statusUrl) {

	}

	/** A report's state. */
	record ReportView(UUID reportId, UUID scenarioId, String format, List<String> includeSections, String granularity,
			String status, @Nullable String failureReason, @Nullable Long sizeBytes, Instant createdAt,
			@Nullable Instant completedAt, Instant expiresAt, String statusUrl, @Nullable String downloadUrl) {

		static ReportView of(Report report) {
			boolean done = report.status() == Report.Status.COMPLETED;
			return new ReportView(report.id(), report.scenarioId(), report.format().value(),
					report.sections().stream().map(Report.Section::value).toList(), report.granularity().value(),
					report.status().value(), report.failure(), report.sizeBytes(), report.createdAt(),
					report.completedAt(), report.expiresAt(), ReportController.statusUrl(report.id()),
					done ? "/api/v2/reports/" + report.id() + "/download" : null);
		}

	}

}
