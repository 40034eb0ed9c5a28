package io.costlens.accounts;

import java.util.Locale;

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

import io.costlens.platform.ApiExample;
import io.costlens.accounts.AuthService.Tokens;
import io.costlens.platform.CurrentUser;
import io.costlens.platform.Role;

/** Sign in and out, refresh tokens, register, change and reset passwords. */
@RestController
@Tag(name = "Auth")
class AuthController {

	private final AuthService auth;

	AuthController(AuthService auth) {
		this.auth = auth;
	}

	@ApiExample(body = "{\"username\":\"ann\",\"password\":\"correct-horse-battery-staple\"}")
	@PostMapping({ "/auth/token", "/api/v2/auth/login" })
	@Operation(summary = "Log in with username and password: an access token (JWT) and a refresh token",
			description = "Unknown users, deactivated users and wrong passwords get the same 401. "
					+ "After a few failures per username or client IP each further one doubles the wait before "
					+ "the next attempt is checked (capped); during the wait the answer is 429 with Retry-After.")
	@ApiResponse(responseCode = "401", description = "unauthorized: wrong username or password")
	@ApiResponse(responseCode = "429", description = "rate_limited: too many failed logins")
	TokenResponse login(@Valid @RequestBody LoginRequest body, HttpServletRequest request) {
		return TokenResponse.of(this.auth.login(body.username(), body.password(), ClientIp.of(request)));
	}

	@ApiExample(body = "{\"refresh_token\":\"the refresh_token a login answered\"}")
	@PostMapping({ "/auth/refresh", "/api/v2/auth/refresh" })
	@Operation(summary = "Exchange a refresh token for new tokens (the old one is spent)",
			description = "Presenting a spent refresh token again revokes every token of its login.")
	@ApiResponse(responseCode = "401", description = "unauthorized: unknown, spent, revoked or expired")
	TokenResponse refresh(@Valid @RequestBody RefreshRequest body, HttpServletRequest request) {
		return TokenResponse.of(this.auth.refresh(body.refreshToken(), ClientIp.of(request)));
	}

	@ApiExample(body = "{\"refresh_token\":\"the refresh_token a login answered\"}")
	@PostMapping("/api/v2/auth/logout")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Log out: revoke the given refresh token's login, or all of the caller's logins",
			description = "Access tokens already issued stay valid until they expire (30 minutes by default); "
					+ "a password change or reset ends them at once.")
	void logout(@AuthenticationPrincipal CurrentUser caller,
			@Valid @RequestBody(required = false) @Nullable LogoutRequest body, HttpServletRequest request) {
		this.auth.logout(caller, (body != null) ? body.refreshToken() : null, ClientIp.of(request));
	}

	@ApiExample(
			body = "{\"username\":\"ann\",\"email\":\"ann@example.com\",\"password\":\"correct-horse-battery-staple\"}")
	@PostMapping("/api/v2/auth/register")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create a user (admin only, unless open registration is on)",
			description = "An admin may give `role` (admin, member, viewer; default member) and `tier` (free, "
					+ "premium, enterprise; default free). An open registration (not an admin's) that sends "
					+ "either is refused with 422 naming the field. `locale` (en or it; default: the request's "
					+ "Accept-Language, else en) is the language of their mail; they get a welcome mail.")
	@ApiResponse(responseCode = "403", description = "forbidden: registration is closed")
	@ApiResponse(responseCode = "422", description = "validation_error: role or tier sent by someone not an admin")
	@ApiResponse(responseCode = "409", description = "conflict: username or email taken")
	UserResponse register(@AuthenticationPrincipal @Nullable CurrentUser caller,
			@Valid @RequestBody RegisterRequest body, HttpServletRequest request) {
		return UserResponse.of(this.auth.register(caller, body.username(), body.email(), body.password(),
				(body.role() != null) ? Role.of(body.role()) : null, body.tier(),
				(body.locale() != null) ? Locale.forLanguageTag(body.locale()) : request.getLocale(),
				ClientIp.of(request)));
	}

	@ApiExample(
			body = "{\"current_password\":\"correct-horse-battery-staple\",\"new_password\":\"tr0ub4dor-and-3-more-words\"}")
	@PostMapping("/api/v2/auth/password")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Change the caller's password (needs the current one); ends all their logins",
			description = "Access tokens issued before stop working too. Wrong current passwords are slowed down "
					+ "like failed logins: 429 with Retry-After while the wait runs.")
	@ApiResponse(responseCode = "400", description = "validation_error: current password wrong")
	@ApiResponse(responseCode = "429", description = "rate_limited: too many wrong current passwords")
	void changePassword(@AuthenticationPrincipal CurrentUser caller, @Valid @RequestBody PasswordChangeRequest body,
			HttpServletRequest request) {
		this.auth.changePassword(caller, body.currentPassword(), body.newPassword(), ClientIp.of(request));
	}

	@ApiExample(body = "{\"email\":\"ann@example.com\"}")
	@PostMapping("/api/v2/auth/password-reset")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Send a one-hour password-reset token to a user, by username or email",
			description = "Always 202, whether or not the user exists.")
	void requestReset(@Valid @RequestBody PasswordResetRequest body, HttpServletRequest request) {
		this.auth.requestPasswordReset((body.username() != null) ? body.username() : body.email(),
				ClientIp.of(request));
	}

	@ApiExample(body = "{\"token\":\"the token from the reset mail\",\"new_password\":\"tr0ub4dor-and-3-more-words\"}",
			status = 400)
	@PostMapping("/api/v2/auth/password-reset/confirm")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Set a new password with a reset token")
	@ApiResponse(responseCode = "400", description = "validation_error: token unknown, used or expired")
	void confirmReset(@Valid @RequestBody PasswordResetConfirmationRequest body, HttpServletRequest request) {
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
			@NotBlank @Email @Size(max = 255) String email, @NotBlank @Size(min = 12, max = 72) String password,
			@Pattern(regexp = "admin|member|viewer", message = "admin, member or viewer") @Nullable String role,
			@Pattern(regexp = "free|premium|enterprise", message = "free, premium or enterprise") @Nullable String tier,
			@Pattern(regexp = "en|it", message = "en or it") @Nullable String locale) {
	}

	record PasswordChangeRequest(@NotBlank @Size(max = 1024) String currentPassword,
			@NotBlank @Size(min = 12, max = 72) String newPassword) {
	}

	record PasswordResetRequest(@Size(max = 255) @Nullable String username, @Size(max = 255) @Nullable String email) {

		@AssertTrue(message = "give a username or an email")
		boolean isNamed() {
			return this.username != null || this.email != null;
		}

	}

	record PasswordResetConfirmationRequest(@NotBlank @Size(max = 255) String token,
			@NotBlank @Size(min = 12, max = 72) String newPassword) {
	}

	record TokenResponse(String accessToken, String refreshToken, String tokenType, long expiresIn) {

		static TokenResponse of(Tokens tokens) {
			return new TokenResponse(tokens.accessToken(), tokens.refreshToken(), "bearer", tokens.expiresIn());
		}

	}

}
