package io.costlens.accounts;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.costlens.platform.PlainText;
import io.costlens.platform.ApiExample;
import io.costlens.accounts.Accounts.CreatedKey;
import io.costlens.platform.CurrentUser;

/**
 * The caller's API keys; admins may name another user with {@code ?user_id=}. Keys of
 * other users are 404 to non-admins.
 */
@RestController
@RequestMapping("/api/v2/api-keys")
@Tag(name = "API keys")
class ApiKeyController {

	private final Accounts accounts;

	ApiKeyController(Accounts accounts) {
		this.accounts = accounts;
	}

	@ApiExample(body = "{\"name\":\"ci-pipeline\"}")
	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create an API key; the key is in this response only",
			description = "Only admins may set tier (e.g. unlimited for a service) or user_id. A user has at most "
					+ "20 active keys (costlens.accounts.max-api-keys-per-user).")
	@ApiResponse(responseCode = "403", description = "forbidden: tier or another user's id given by a non-admin")
	@ApiResponse(responseCode = "409",
			description = "conflict: the user has costlens.accounts.max-api-keys-per-user active keys already")
	NewApiKeyResponse create(@AuthenticationPrincipal CurrentUser caller,
			@RequestParam(name = "user_id", required = false) @Nullable UUID userId,
			@Valid @RequestBody ApiKeyRequest body, HttpServletRequest request) {
		CreatedKey created = this.accounts.createKey(caller, userId, body.name(), body.tier(), ClientIp.of(request));
		ApiKey key = created.stored();
		return new NewApiKeyResponse(key.id(), key.name(), created.key(), key.keyPreview(), key.tier(), key.userId(),
				key.createdAt());
	}

	@GetMapping
	@Operation(summary = "List API keys (never the keys themselves)")
	@ApiResponse(responseCode = "403", description = "forbidden: another user's id given by a non-admin")
	ApiKeyListResponse list(@AuthenticationPrincipal CurrentUser caller,
			@RequestParam(name = "user_id", required = false) @Nullable UUID userId) {
		List<ApiKeyResponse> items = this.accounts.keys(caller, userId).stream().map(ApiKeyResponse::of).toList();
		return new ApiKeyListResponse(items, items.size());
	}

	@ApiExample(params = "id=3fa85f64-5717-4562-b3fc-2c963f66afa6")
	@GetMapping("/{id}")
	@Operation(summary = "One API key")
	@ApiResponse(responseCode = "404", description = "not_found: no such key of yours")
	ApiKeyResponse get(@AuthenticationPrincipal CurrentUser caller, @PathVariable UUID id) {
		return ApiKeyResponse.of(this.accounts.key(caller, id));
	}

	@ApiExample(params = "id=3fa85f64-5717-4562-b3fc-2c963f66afa6")
	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Revoke an API key",
			description = "Takes effect at once on the instance that answers, on others within "
					+ "costlens.accounts.api-key-cache-ttl (30 seconds).")
	@ApiResponse(responseCode = "404", description = "not_found: no such key of yours")
	void revoke(@AuthenticationPrincipal CurrentUser caller, @PathVariable UUID id, HttpServletRequest request) {
		this.accounts.revokeKey(caller, id, ClientIp.of(request));
	}

	record ApiKeyRequest(@NotBlank @Size(max = 100) @PlainText String name,
			@Pattern(regexp = "free|premium|enterprise|unlimited") @Nullable String tier) {
	}

	record NewApiKeyResponse(UUID id, String name, String key, String keyPreview, String tier, UUID userId,
			Instant createdAt) {
	}

	record ApiKeyListResponse(List<ApiKeyResponse> items, int total) {
	}

	record ApiKeyResponse(UUID id, String name, String keyPreview, String tier, boolean isActive, UUID userId,
			Instant createdAt, @Nullable Instant lastUsedAt) {

		static ApiKeyResponse of(ApiKey key) {
			return new ApiKeyResponse(key.id(), key.name(), key.keyPreview(), key.tier(), key.active(), key.userId(),
					key.createdAt(), key.lastUsedAt());
		}

	}

}
