package io.costlens.accounts.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.costlens.platform.CurrentUser;

/** Who the caller is, as the credential they sent says. */
@RestController
@Tag(name = "Auth")
class MeController {

	@GetMapping("/api/v2/auth/me")
	@Operation(summary = "The authenticated caller: user, role and rate-limit tier")
	Me me(@AuthenticationPrincipal CurrentUser user) {
		return new Me(user.userId().toString(), user.username(), user.role().value(), user.tier());
	}

	record Me(String id, String username, String role, String tier) {
	}

}
