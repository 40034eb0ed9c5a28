package io.costlens.devlens;

import java.io.IOException;
import java.io.InputStream;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.costlens.devlens.RejectedRepository.RejectedLine;
import io.costlens.devlens.TraceImport.ImportResult;
import io.costlens.platform.ApiExample;
import io.costlens.platform.Idempotent;
import io.costlens.platform.Page;

/** ProdLens' trace import, and the lines imports refused. */
@RestController
@Tag(name = "DevLens", description = "Developer AI-assistant analytics (ProdLens)")
class TraceController {

	private final TraceImport imports;

	private final RejectedRepository rejected;

	TraceController(TraceImport imports, RejectedRepository rejected) {
		this.imports = imports;
		this.rejected = rejected;
	}

	@PostMapping(path = "/api/traces",
			consumes = { "application/x-ndjson", "application/jsonl", "application/json", "text/plain" })
	@Idempotent
	@Operation(summary = "Import traces (NDJSON/JSONL or a JSON array; ProdLens, LiteLLM or Arize/Phoenix shape), "
			+ "idempotent on trace_hash; unusable lines are refused and kept, the others stored")
	@ApiResponse(responseCode = "200", description = "{\"inserted\",\"updated\",\"rejected\":[{\"line\",\"reason\"}]}")
	@ApiResponse(responseCode = "400", description = "The repo parameter is not a valid slug (validation_error)")
	@ApiResponse(responseCode = "413", description = "The body exceeds the batch limit (payload_too_large)")
	@ApiResponse(responseCode = "503", description = "Too many writes waiting; retry after Retry-After")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
			description = "Trace records: one JSON object per line (application/x-ndjson, application/jsonl, "
					+ "text/plain) or a JSON array (application/json)",
			content = @Content(mediaType = "application/json", schema = @Schema(type = "array")))
	@ApiExample(
			body = "[{\"timestamp\":\"2026-11-30T10:00:00Z\",\"usage\":{\"input_tokens\":1200,\"output_tokens\":300},\"attributes\":{\"llm.model_name\":\"anthropic/claude-haiku-4-5\",\"status_code\":200,\"latency_ms\":850,\"prod_lens.accepted\":true,\"accepted_lines\":12},\"metadata\":{\"developer_id\":\"dev-example\",\"session_id\":\"sess-7f3e9a2c\",\"repo\":\"acme/shop\"}}]",
			params = "repo=acme/shop")
	ImportResult importTraces(HttpServletRequest request, @RequestParam(required = false) @Nullable String repo)
			throws IOException {
		try (InputStream body = request.getInputStream()) {
			return this.imports.importTraces(body, (repo == null || repo.isBlank()) ? null : repo.strip());
		}
	}

	@GetMapping("/api/traces/rejected")
	@Operation(summary = "The trace lines imports refused, newest first, with the reason and the line as sent")
	@ApiResponse(responseCode = "400", description = "A bad page, page_size or import_id (validation_error)")
	@ApiExample(params = { "page=1", "page_size=20" })
	Page<RejectedLine> rejected(@RequestParam(name = "import_id", required = false) @Nullable UUID importId,
			@RequestParam(defaultValue = "1") String page,
			@RequestParam(name = "page_size", defaultValue = "20") String pageSize) {
		int number = Paging.page(page);
		int size = Paging.pageSize(pageSize);
		return new Page<>(this.rejected.list(importId, number, size), this.rejected.count(importId), number, size);
	}

}
