package io.costlens.providers;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.costlens.platform.ApiExample;
import io.costlens.platform.Page;

/** Seed B's provider keys: stored encrypted, shown by preview, synced and validated. */
@RestController
@RequestMapping("/api/keys")
@Tag(name = "Provider keys", description = "OpenRouter API keys, encrypted at rest, and their usage sync")
class ProviderKeyController {

	private final ProviderKeys keys;

	private final Providers providers;

	ProviderKeyController(ProviderKeys keys, Providers providers) {
		this.keys = keys;
		this.providers = providers;
	}

	@ApiExample(
			body = "{\"name\":\"team-prod\",\"key\":\"sk-or-v1-0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\",\"provider\":\"openrouter\"}")
	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Store a provider key (encrypted); the answer shows only its preview")
	@ApiResponse(responseCode = "201", description = "Stored")
	@ApiResponse(responseCode = "422",
			description = "name, key or provider missing, too long or unknown (validation_error); nothing stored")
	ProviderKeyView add(@Valid @RequestBody ProviderKeyRequest request) {
		return ProviderKeyView.of(this.keys.add(request.toCommand()));
	}

	@GetMapping
	@Operation(summary = "The caller's provider keys, oldest first; admins see everyone's or one user's")
	@ApiResponse(responseCode = "403", description = "A member asked for another user's keys (forbidden)")
	Page<ProviderKeyView> list(
			@Parameter(description = "admins only: one user's keys") @RequestParam(name = "user_id",
					required = false) @Nullable UUID userId,
			@RequestParam(defaultValue = "1") @Min(1) int page,
			@RequestParam(name = "page_size", defaultValue = "20") @Min(1) @Max(100) int pageSize) {
		return this.keys.list(userId, page, pageSize).map(ProviderKeyView::of);
	}

	@ApiExample(params = "id=3fa85f64-5717-4562-b3fc-2c963f66afa6")
	@GetMapping("/{id}")
	@Operation(summary = "One provider key")
	@ApiResponse(responseCode = "404", description = "No such key, or another member's (not_found)")
	ProviderKeyView get(@PathVariable UUID id) {
		return ProviderKeyView.of(this.keys.get(id));
	}

	@ApiExample(body = "{\"name\":\"team-staging\",\"is_active\":true}",
			params = "id=3fa85f64-5717-4562-b3fc-2c963f66afa6")
	@PatchMapping("/{id}")
	@Operation(summary = "Rename a key or (de)activate it; inactive keys are skipped by the jobs")
	@ApiResponse(responseCode = "404", description = "No such key, or another member's (not_found)")
	@ApiResponse(responseCode = "422", description = "A bad or unknown field (validation_error)")
	ProviderKeyView update(@PathVariable UUID id, @Valid @RequestBody ProviderKeyChanges changes) {
		changes.check();
		return ProviderKeyView.of(this.keys.update(id, changes.name(), changes.isActive()));
	}

	@ApiExample(params = "id=3fa85f64-5717-4562-b3fc-2c963f66afa6")
	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Delete a key; its usage rows stay unless purge=true")
	@ApiResponse(responseCode = "204", description = "Deleted")
	@ApiResponse(responseCode = "404", description = "No such key, or another member's (not_found)")
	void delete(@PathVariable UUID id, @RequestParam(defaultValue = "false") boolean purge) {
		this.keys.delete(id, purge);
	}

	@ApiExample(params = "id=3fa85f64-5717-4562-b3fc-2c963f66afa6")
	@PostMapping("/{id}/sync")
	@Operation(summary = "Sync this key's usage from OpenRouter now (owner or admin)")
	@ApiResponse(responseCode = "200", description = "Synced: rows upserted")
	@ApiResponse(responseCode = "404", description = "No such key, or another member's (not_found)")
	@ApiResponse(responseCode = "409", description = "The key is inactive (conflict)")
	@ApiResponse(responseCode = "502", description = "OpenRouter did not answer usably; nothing changed")
	Providers.SyncResponse sync(@PathVariable UUID id) {
		return this.providers.sync(id);
	}

	@ApiExample(params = "id=3fa85f64-5717-4562-b3fc-2c963f66afa6")
	@PostMapping("/{id}/validate")
	@Operation(summary = "Validate this key with OpenRouter now (owner or admin); a 401/403 deactivates it")
	@ApiResponse(responseCode = "200", description = "OpenRouter answered: valid, or invalidated")
	@ApiResponse(responseCode = "404", description = "No such key, or another member's (not_found)")
	@ApiResponse(responseCode = "502", description = "OpenRouter did not answer usably; nothing changed")
	Providers.ValidationResponse validate(@PathVariable UUID id) {
		return this.providers.validate(id);
	}

}
