package io.costlens.dashboard;

import java.io.IOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.costlens.platform.CurrentUser;
import io.costlens.platform.NotFound;
import io.costlens.platform.Page;
import io.costlens.reports.Report;
import io.costlens.reports.Reports;
import io.costlens.scenarios.Scenarios;

/**
 * Reports: request one of a scenario (PDF, or CSV by hour or by log), follow its
 * generation live (the page polls while it is queued or running), download it, and list
 * the caller's reports (an admin's: everyone's).
 */
@Controller
class ReportPages implements DashboardPage {

	private final Reports reports;

	private final Scenarios scenarios;

	private final MessageSource messages;

	private final DashboardProperties properties;

	ReportPages(Reports reports, Scenarios scenarios, MessageSource messages, DashboardProperties properties) {
		this.reports = reports;
		this.scenarios = scenarios;
		this.messages = messages;
		this.properties = properties;
	}

	@GetMapping("/ui/reports")
	@KeptPage({ Reports.DATA, Scenarios.LISTED })
	String list(@RequestParam(defaultValue = "1") int page, Model model) {
		Page<Report> found = this.reports.list(me(), Math.max(1, page), this.properties.pageSize());
		model.addAttribute("reports", found);
		model.addAttribute("pager", Pager.of(found));
		model.addAttribute("names", names(found));
		return "dashboard/reports";
	}

	@PostMapping("/ui/scenarios/{id}/reports")
	String request(@PathVariable UUID id, @RequestParam String format,
			@RequestParam(required = false) @Nullable String granularity, RedirectAttributes redirect, Locale locale) {
		String rows = "csv".equals(format) ? Params.optional(granularity) : null;
		Report report = this.reports.request(id, format, rows, me());
		redirect.addFlashAttribute("notice", this.messages.getMessage("reports.requested", null, locale));
		return "redirect:/ui/reports/" + report.id();
	}

	@GetMapping("/ui/reports/{id}")
	@KeptPage({ Reports.DATA, Scenarios.LISTED })
	String report(@PathVariable UUID id, Model model) {
		Report report = this.reports.get(id, me());
		model.addAttribute("report", report);
		model.addAttribute("scenarioName", name(report.scenarioId()));
		return "dashboard/report";
	}

	/** The status block alone, which the report's page polls while it changes. */
	@GetMapping("/ui/reports/{id}/status")
	String status(@PathVariable UUID id, Model model) {
		model.addAttribute("report", this.reports.get(id, me()));
		return "dashboard/report :: status";
	}

	@GetMapping("/ui/reports/{id}/download")
	void download(@PathVariable UUID id, HttpServletRequest request, HttpServletResponse response) throws IOException {
		CurrentUser caller = me();
		Report report = this.reports.downloadable(id, caller);
		response.setContentType(report.format().contentType());
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(report.fileName()).build().toString());
		if (report.sizeBytes() != null) {
			response.setContentLengthLong(report.sizeBytes());
		}
		this.reports.download(report, caller, request.getRemoteAddr(), response.getOutputStream());
	}

	private Map<UUID, String> names(Page<Report> page) {
		Map<UUID, String> names = new HashMap<>();
		page.items().forEach((r) -> names.computeIfAbsent(r.scenarioId(), this::name));
		return names;
	}

	private String name(UUID scenarioId) {
		try {
			return this.scenarios.get(scenarioId).name();
		}
		catch (NotFound ex) {
			return scenarioId.toString();
		}
	}

	private static CurrentUser me() {
		return CurrentUser.current().orElseThrow();
	}

}
