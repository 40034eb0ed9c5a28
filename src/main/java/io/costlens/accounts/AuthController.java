package io.costlens.accounts;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.costlens.accounts.AuthService.Tokens;
import io.costlens.platform.CurrentUser;

/** Sign in and out, refresh tokens, register, change and reset passwords. */
@RestController
@Tag(name = "Auth")
class AuthController {

	private final AuthService auth;

	AuthController(AuthService auth) {
		this.auth = auth;
	}

	@PostMapping({ "/auth/token", "/api/v2/auth/login" })
	@Operation(summary = "Log in with username and password: an access token (JWT) and a refresh token",
			description = "Unknown users, deactivated users and wrong passwords get the same 401. "
					+ "Repeated failures per username or client IP are answered 429 with Retry-After.")
	@ApiResponse(responseCode = "401", description = "unauthorized: wrong username or password")
	@ApiResponse(responseCode = "429", description = "rate_limited: too many failed logins")
	TokenResponse login(@Valid @RequestBody LoginRequest body, HttpServletRequest request) {
		return TokenResponse.of(this.auth.login(body.username(), body.password(), ClientIp.of(request)));
	}

	@PostMapping({ "/auth/refresh", "/api/v2/auth/refresh" })
	@Operation(summary = "Exchange a refresh token for new tokens (the old one is spent)",
			description = "Presenting a spent refresh token again revokes every token of its login.")
	@ApiResponse(responseCode = "401", description = "unauthorized: unknown, spent, revoked or expired")
	TokenResponse refresh(@Valid @RequestBody RefreshRequest body, HttpServletRequest request) {
		return TokenResponse.of(this.auth.refresh(body.refreshToken(), ClientIp.of(request)));
	}

	@PostMapping("/api/v2/auth/logout")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Log out: revoke the given refresh token's login, or all of the caller's logins",
			description = "Access tokens already issued stay valid until they expire (30 minutes by default).")
	void logout(@AuthenticationPrincipal CurrentUser caller,
			@Valid @RequestBody(required = false) @Nullable LogoutRequest body, HttpServletRequest request) {
		this.auth.logout(caller, (body != null) ? body.refreshToken() : null, ClientIp.of(request));
	}

	@PostMapping("/api/v2/auth/register")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create a user (admin only, unless open registration is on)",
			description = "New users are members on the free tier; role or tier in the body are ignored.")
	@ApiResponse(responseCode = "403", description = "forbidden: registration is closed")
	@ApiResponse(responseCode = "409", description = "conflict: username or email taken")
	UserView register(@AuthenticationPrincipal @Nullable CurrentUser caller, @Valid @RequestBody RegisterRequest body,
			HttpServletRequest request) {
		return UserView
			.of(this.auth.register(caller, body.username(), body.email(), body.password(), ClientIp.of(request)));
	}

	@PostMapping("/api/v2/auth/password")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Change the caller's password (needs the current one); ends all their logins")
	@ApiResponse(responseCode = "400", description = "validation_error: current password wrong")
	void changePassword(@AuthenticationPrincipal CurrentUser caller, @Valid @RequestBody PasswordChange body,
			HttpServletRequest request) {
		this.auth.changePassword(caller, body.currentPassword(), body.newPassword(), ClientIp.of(request));
	}

	@PostMapping("/api/v2/auth/password-reset")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Send a one-hour password-reset token to a user, by username or email",
			description = "Always 202, whether or not the user exists.")
	void requestReset(@Valid @RequestBody ResetRequest body, HttpServletRequest request) {
		this.auth.requestPasswordReset((body.username() != null) ? body.username() : body.email(),
				ClientIp.of(request));
	}

	@PostMapping("/api/v2/auth/password-reset/confirm")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Set a new password with a reset token")
	@ApiResponse(responseCode = "400", description = "validation_error: token unknown, used or expired")
	void confirmReset(@Valid @RequestBody ResetConfirmation body, HttpServletRequest request) {
		this.auth.confirmPasswordReset(body.token(), body.newPassword(), ClientIp.of(request));
	}

	record LoginRequest(@NotBlank @Size(max = 255) String username, @NotBlank @Size(max = 1024) String password) {
	}

	record RefreshRequest(@NotBlank @Size(max = 255) String refreshToken) {
	}

	record LogoutRequest(@Size(max = 255) @Nullable String refreshToken) {
	}

	record RegisterRequest(
			@NotBlank @Pattern(regexp = "[A-Za-z0-9._-]{3,64}",
					message = "3 to 64 letters, digits, dots, dashes or underscores") String username,
			@NotBlank @Email @Size(max = 255) String email, @NotBlank @Size(min = 12, max = 72) String password) {
	}

	record PasswordChange(@NotBlank @Size(max = 1024) String currentPassword,
			@NotBlank @Size(min = 12, max = 72) String newPassword) {
	}

	record ResetRequest(@Size(max = 255) @Nullable String username, @Size(max = 255) @Nullable String email) {

		@AssertTrue(message = "give a username or an email")
		boolean isNamed() {
			return this.username != null || this.email != null;
		}

	}

	record ResetConfirmation(@NotBlank @Size(max = 255) String token,
			@NotBlank @Size(min = 12, max = 72) String newPassword) {
	}

	record TokenResponse(String accessToken, String refreshToken, String tokenType, long expiresIn) {

		static TokenResponse of(Tokens tokens) {
			return new TokenResponse(tokens.accessToken(), tokens.refreshToken(), "bearer", tokens.expiresIn());
		}

	}

}
