package io.costlens.devlens;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.costlens.devlens.GithubImport.Imported;
import io.costlens.platform.ApiExample;

/** Imports GitHub pull requests and commits. */
@RestController
@Tag(name = "DevLens")
class GithubController {

	private final GithubImport imports;

	GithubController(GithubImport imports) {
		this.imports = imports;
	}

	@PostMapping("/api/github/import")
	@Operation(summary = "Upsert pull requests (by id) and commits (by sha): "
			+ "{\"repo\",\"pull_requests\":[…],\"commits\":[…]}, all or nothing")
	@ApiResponse(responseCode = "200", description = "{\"pull_requests\": n, \"commits\": n} upserted")
	@ApiResponse(responseCode = "422",
			description = "Rows are wrong, named like pull_requests[2].created_at; nothing was stored")
	@ApiExample(
			body = "{\"repo\":\"acme/shop\",\"pull_requests\":[{\"id\":900001,\"number\":42,\"title\":\"Add checkout retries\",\"author\":\"dev-example\",\"state\":\"closed\",\"created_at\":\"2026-11-30T11:00:00Z\",\"merged_at\":\"2026-11-30T16:00:00Z\",\"updated_at\":\"2026-11-30T16:00:00Z\",\"reopened\":false}],\"commits\":[{\"sha\":\"3f2a9c1d4e5b6a7f8091a2b3c4d5e6f708192a3b\",\"author\":\"dev-example\",\"timestamp\":\"2026-11-30T12:30:00Z\"}]}")
	Imported importRows(@RequestBody JsonNode body) {
		return this.imports.importRows(body);
	}

}
