package io.costlens.dashboard;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.costlens.audit.Audit;
import io.costlens.audit.Audit.Verification;
import io.costlens.audit.AuditEntry;
import io.costlens.audit.AuditQuery;
import io.costlens.platform.Page;

/**
 * The audit log (admins only, the security chain checks), filtered and paged, and its
 * chain check.
 */
@Controller
class AuditPages implements DashboardPage {

	private final Audit audit;

	private final MessageSource messages;

	private final DashboardProperties properties;

	AuditPages(Audit audit, MessageSource messages, DashboardProperties properties) {
		this.audit = audit;
		this.messages = messages;
		this.properties = properties;
	}

	@GetMapping("/ui/audit")
	@KeptPage(Audit.DATA)
	String list(@RequestParam(required = false) @Nullable String actor,
			@RequestParam(required = false) @Nullable String event, @RequestParam(defaultValue = "1") int page,
			Model model) {
		int number = Math.max(1, page);
		Page<AuditEntry> found = this.audit.find(new AuditQuery(Params.optional(actor), Params.optional(event), null,
				null, null, null, number, this.properties.pageSize()));
		model.addAttribute("entries", found.items());
		model.addAttribute("pager", Pager.of(found));
		model.addAttribute("actor", Params.optional(actor));
		model.addAttribute("event", Params.optional(event));
		return "dashboard/audit";
	}

	@PostMapping("/ui/audit/verify")
	String verify(RedirectAttributes redirect, Locale locale) {
		Verification result = this.audit.verify();
		String message = result.valid()
				? this.messages.getMessage("audit.valid", new Object[] { result.checked() }, locale) : this.messages
					.getMessage("audit.broken", new Object[] { result.firstBrokenId(), result.checked() }, locale);
		redirect.addFlashAttribute(result.valid() ? "notice" : "error", message);
		return "redirect:/ui/audit";
	}

}
