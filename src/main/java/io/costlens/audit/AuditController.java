package io.costlens.audit;

import java.time.Instant;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.costlens.platform.ApiExample;
import io.costlens.platform.Page;
import io.costlens.platform.TimeParam;
import io.costlens.audit.Audit.Verification;

/** The audit log, for admins: list with filters, and verify the hash chain. */
@RestController
@RequestMapping("/api/v2/audit")
@PreAuthorize("hasRole('ADMIN')")
@Validated
@Tag(name = "Audit")
class AuditController {

	private final Audit audit;

	private final JsonMapper json = JsonMapper.builder().build();

	AuditController(Audit audit) {
		this.audit = audit;
	}

	@ApiExample(params = { "event_type=scenario.created", "from=2026-11-01", "to=2026-12-01T00:00:00Z", "page=1",
			"page_size=20" })
	@GetMapping
	@Operation(summary = "Audit entries, newest first (admin)",
			description = "Filters: actor, event_type, resource_type, resource_id, from and to: a date (a to date "
					+ "includes its whole day) or a date-time, with or without an offset (none means UTC), "
					+ "to exclusive.")
	@ApiResponse(responseCode = "403", description = "forbidden: not an admin")
	Page<AuditEntryResponse> list(@RequestParam(required = false) @Nullable String actor,
			@RequestParam(name = "event_type", required = false) @Nullable String eventType,
			@RequestParam(name = "resource_type", required = false) @Nullable String resourceType,
			@RequestParam(name = "resource_id", required = false) @Nullable String resourceId,
			@RequestParam(required = false) @Nullable TimeParam from,
			@RequestParam(required = false) @Nullable TimeParam to, @RequestParam(defaultValue = "1") @Min(1) int page,
			@RequestParam(name = "page_size", defaultValue = "20") @Min(1) @Max(100) int pageSize) {
		return this.audit
			.find(new AuditQuery(actor, eventType, resourceType, resourceId, (from != null) ? from.start() : null,
					(to != null) ? to.end() : null, page, pageSize))
			.map(this::view);
	}

	@GetMapping("/verify")
	@Operation(summary = "Walk the hash chain and name the first broken entry (admin)")
	@ApiResponse(responseCode = "403", description = "forbidden: not an admin")
	Verification verify() {
		return this.audit.verify();
	}

	private AuditEntryResponse view(AuditEntry e) {
		return new AuditEntryResponse(e.id(), e.occurredAt(), e.actor(), e.eventType(), e.action(), e.resourceType(),
				e.resourceId(), this.json.readTree(e.details()), e.clientIp(), e.prevHash(), e.hash());
	}

	record AuditEntryResponse(long id, Instant occurredAt, String actor, String eventType, String action,
			@Nullable String resourceType, @Nullable String resourceId, JsonNode details, @Nullable String clientIp,
			String prevHash, String hash) {
	}

}
