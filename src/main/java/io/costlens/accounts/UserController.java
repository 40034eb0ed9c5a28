package io.costlens.accounts;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.costlens.platform.CurrentUser;
import io.costlens.platform.Page;
import io.costlens.platform.Role;

/** User management, for admins only. */
@RestController
@RequestMapping("/api/v2/users")
@PreAuthorize("hasRole('ADMIN')")
@Validated
@Tag(name = "Users")
class UserController {

	private final Accounts accounts;

	UserController(Accounts accounts) {
		this.accounts = accounts;
	}

	@GetMapping
	@Operation(summary = "List users (admin)")
	@ApiResponse(responseCode = "403", description = "forbidden: not an admin")
	Page<UserView> list(@RequestParam(defaultValue = "1") @Min(1) int page,
			@RequestParam(name = "page_size", defaultValue = "20") @Min(1) @Max(100) int pageSize) {
		return new Page<>(this.accounts.users(page, pageSize), this.accounts.userCount(), page, pageSize)
			.map(UserView::of);
	}

	@GetMapping("/{id}")
	@Operation(summary = "One user (admin)")
	@ApiResponse(responseCode = "404", description = "not_found")
	UserView get(@PathVariable UUID id) {
		return UserView.of(this.accounts.user(id));
	}

	@PatchMapping("/{id}")
	@Operation(summary = "Change a user's role, tier or active flag (admin)",
			description = "Deactivating a user stops their API keys and tokens.")
	@ApiResponse(responseCode = "409", description = "conflict: an admin demoting or deactivating themselves")
	UserView update(@AuthenticationPrincipal CurrentUser admin, @PathVariable UUID id,
			@Valid @RequestBody UserChange body, HttpServletRequest request) {
		Role role = (body.role() != null) ? Role.of(body.role()) : null;
		return UserView
			.of(this.accounts.updateUser(admin, id, role, body.tier(), body.isActive(), ClientIp.of(request)));
	}

	record UserChange(@Pattern(regexp = "admin|member|viewer") @Nullable String role,
			@Pattern(regexp = "free|premium|enterprise") @Nullable String tier, @Nullable Boolean isActive) {
	}

}
