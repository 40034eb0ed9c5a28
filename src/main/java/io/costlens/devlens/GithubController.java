package io.costlens.devlens;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.costlens.devlens.GithubImport.Imported;

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
	Imported importRows(@RequestBody JsonNode body) {
		return this.imports.importRows(body);
	}

}
