package io.costlens.accounts;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.costlens.platform.CurrentUser;

/** Who the caller is, as the credential they sent says. */
@RestController
@Tag(name = "Auth")
class MeController {

	private final Accounts accounts;

	MeController(Accounts accounts) {
		this.accounts = accounts;
	}

	@GetMapping("/api/v2/auth/me")
	@Operation(summary = "The authenticated caller: user, role, rate-limit tier and how they signed in")
	Me me(@AuthenticationPrincipal CurrentUser user) {
		User account = this.accounts.user(user.userId());
		return new Me(user.userId().toString(), user.username(), account.email(), user.role().value(), user.tier(),
				(user.apiKeyId() != null) ? "api_key" : "token",
				(user.apiKeyId() != null) ? user.apiKeyId().toString() : null);
	}

	record Me(String id, String username, @Nullable String email, String role, String tier, String authMethod,
			@Nullable String apiKeyId) {
	}

}
