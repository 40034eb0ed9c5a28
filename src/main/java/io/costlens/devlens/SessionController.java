package io.costlens.devlens;

import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.costlens.devlens.Sessions.SessionDetail;
import io.costlens.devlens.Sessions.SessionPage;
import io.costlens.platform.ApiExample;

/** ProdLens' sessions list, session detail and developer profile. */
@RestController
@Tag(name = "DevLens")
class SessionController {

	private final Sessions sessions;

	SessionController(Sessions sessions) {
		this.sessions = sessions;
	}

	@GetMapping("/api/sessions")
	@Operation(summary = "Sessions, filtered and sorted by timestamp, cost, tokens or latency; "
			+ "{sessions, total_count, page, page_size, has_more}")
	@ApiResponse(responseCode = "422",
			description = "Unknown sort_by or sort_order, page_size outside 1-100, a bad time (validation_error)")
	@ApiExample(params = { "developer_id=dev-example", "start=2026-11-01", "sort_by=cost", "page_size=20" })
	SessionPage list(@RequestParam(name = "developer_id", required = false) @Nullable String developerId,
			@RequestParam(required = false) @Nullable String model,
			@RequestParam(required = false) @Nullable String repo,
			@Parameter(description = "ISO time or date, inclusive") @RequestParam(
					required = false) @Nullable String start,
			@Parameter(description = "ISO time (exclusive) or date (inclusive)") @RequestParam(
					required = false) @Nullable String end,
			@RequestParam(name = "sort_by", defaultValue = "timestamp") String sortBy,
			@RequestParam(name = "sort_order", defaultValue = "desc") String sortOrder,
			@RequestParam(defaultValue = "1") String page,
			@RequestParam(name = "page_size", defaultValue = "20") String pageSize) {
		return this.sessions
			.page(SessionQuery.of(developerId, model, repo, start, end, sortBy, sortOrder, page, pageSize));
	}

	@GetMapping("/api/sessions/{sessionId}")
	@Operation(summary = "One session with the PRs and commits of the same developer in the same repository "
			+ "within the related window (72 h by default) after it")
	@ApiResponse(responseCode = "404", description = "No session has that session_id (not_found)")
	@ApiExample(params = "sessionId=sess-7f3e9a2c")
	SessionDetail detail(@PathVariable String sessionId) {
		return this.sessions.detail(sessionId);
	}

	@GetMapping("/api/profile")
	@Operation(summary = "A developer's totals, top models and repositories, and sessions per day")
	@ApiResponse(responseCode = "404", description = "The developer has no sessions (not_found)")
	@ApiResponse(responseCode = "422", description = "developer_id is missing (validation_error)")
	@ApiExample(params = "developer_id=dev-example")
	Map<String, Object> profile(@RequestParam(name = "developer_id", required = false) @Nullable String developerId) {
		if (developerId == null || developerId.isBlank()) {
			throw Paging.invalid("developer_id", "is required");
		}
		return this.sessions.profile(developerId.strip());
	}

}
