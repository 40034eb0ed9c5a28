package io.costlens.accounts;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.costlens.accounts.RefreshTokenRepository.StoredRefreshToken;
import io.costlens.audit.AuditEvent;
import io.costlens.notifications.Notification;
import io.costlens.notifications.Notifications;
import io.costlens.platform.Conflict;
import io.costlens.platform.CurrentUser;
import io.costlens.platform.Forbidden;
import io.costlens.platform.InvalidFields;
import io.costlens.platform.InvalidFields.Field;
import io.costlens.platform.InvalidRequest;
import io.costlens.platform.Role;
import io.costlens.platform.TooManyRequests;
import io.costlens.platform.Unauthorized;

/**
 * Signing in and out, refresh-token rotation, registration and passwords. Every outcome
 * that matters is published as an {@link AuditEvent}. Login answers the same way for an
 * unknown user, a deactivated one and a wrong password, and takes as long (a dummy hash
 * is checked when there is no user).
 */
@Service
class AuthService {

	private static final Logger log = LoggerFactory.getLogger(AuthService.class);

	static final String BAD_LOGIN = "Invalid username or password";

	static final String BAD_REFRESH = "The refresh token is not valid";

	private final UserRepository users;

	private final RefreshTokenRepository refreshTokens;

	private final PasswordResetRepository resets;

	private final AccessTokens accessTokens;

	private final PasswordEncoder passwords;

	private final LoginThrottle throttle;

	private final Notifications notifications;

	private final ApplicationEventPublisher events;

	private final AccountsProperties properties;

	private final String dummyHash;

	AuthService(UserRepository users, RefreshTokenRepository refreshTokens, PasswordResetRepository resets,
			AccessTokens accessTokens, PasswordEncoder passwords, LoginThrottle throttle, Notifications notifications,
			ApplicationEventPublisher events, AccountsProperties properties) {
		this.users = users;
		this.refreshTokens = refreshTokens;
		this.resets = resets;
		this.accessTokens = accessTokens;
		this.passwords = passwords;
		this.throttle = throttle;
		this.notifications = notifications;
		this.events = events;
		this.properties = properties;
		this.dummyHash = passwords.encode(Secrets.token());
	}

	/** Checks the password and starts a new refresh-token family. */
	Tokens login(String username, String password, String clientIp) {
		try {
			this.throttle.attempt(username, clientIp);
		}
		catch (TooManyRequests ex) {
			audit(AuditEvent.of(username, "auth.login_failed", "login", "user", null, clientIp)
				.with(Map.of("reason", "throttled")));
			throw ex;
		}
		Optional<UserAccount> found = this.users.findByUsername(username);
		boolean tooLong = password.getBytes(StandardCharsets.UTF_8).length > 72;
		boolean matches = this.passwords.matches(tooLong ? "" : password,
				found.map(UserAccount::passwordHash).orElse(this.dummyHash)) && !tooLong;
		if (found.isEmpty() || !matches || !found.get().active()) {
			this.throttle.failed(username, clientIp);
			String reason = found.isEmpty() ? "unknown_user" : !matches ? "wrong_password" : "deactivated";
			audit(AuditEvent
				.of(username, "auth.login_failed", "login", "user", found.map((u) -> u.id().toString()).orElse(null),
						clientIp)
				.with(Map.of("reason", reason)));
			throw new Unauthorized(BAD_LOGIN);
		}
		UserAccount user = found.get();
		this.throttle.succeeded(username, clientIp);
		audit(AuditEvent.of(user.username(), "auth.login", "login", "user", user.id().toString(), clientIp));
		return issue(user, UUID.randomUUID());
	}

	/**
	 * Exchanges a refresh token for new tokens. A token that was already exchanged is
	 * stolen or replayed: its whole family is revoked.
	 */
	@Transactional(noRollbackFor = Unauthorized.class)
	Tokens refresh(String refreshToken, String clientIp) {
		StoredRefreshToken stored = this.refreshTokens.find(refreshToken)
			.orElseThrow(() -> new Unauthorized(BAD_REFRESH));
		if (stored.revoked() || stored.expired()) {
			throw new Unauthorized(BAD_REFRESH);
		}
		if (stored.used() || !this.refreshTokens.spend(stored.id())) {
			int revoked = this.refreshTokens.revokeFamily(stored.familyId());
			this.users.credentialsChanged(stored.userId());
			String actor = this.users.findById(stored.userId()).map(UserAccount::username).orElse("unknown");
			audit(AuditEvent
				.of(actor, "auth.refresh_token_reused", "revoke", "refresh_token_family", stored.familyId().toString(),
						clientIp)
				.with(Map.of("revoked_tokens", revoked)));
			throw new Unauthorized(BAD_REFRESH);
		}
		UserAccount user = this.users.findById(stored.userId())
			.filter(UserAccount::active)
			.orElseThrow(() -> new Unauthorized(BAD_REFRESH));
		return issue(user, stored.familyId());
	}

	/**
	 * Ends the session of a refresh token (its family), or all of the caller's sessions.
	 */
	@Transactional
	void logout(CurrentUser caller, @Nullable String refreshToken, String clientIp) {
		int revoked;
		if (refreshToken != null) {
			StoredRefreshToken stored = this.refreshTokens.find(refreshToken)
				.filter((t) -> t.userId().equals(caller.userId()))
				.orElseThrow(() -> new Unauthorized(BAD_REFRESH));
			revoked = this.refreshTokens.revokeFamily(stored.familyId());
		}
		else {
			revoked = this.refreshTokens.revokeAllOf(caller.userId());
		}
		audit(AuditEvent.of(caller.username(), "auth.logout", "logout", "user", caller.userId().toString(), clientIp)
			.with(Map.of("revoked_tokens", revoked)));
	}

	/**
	 * Creates a user: by an admin, with the role and tier the admin gives (a member on
	 * the free tier by default), or by anyone with open registration, always a member on
	 * the free tier (sending a role or tier is refused).
	 */
	@Transactional
	User register(@Nullable CurrentUser caller, String username, @Nullable String email, String password,
			@Nullable Role role, @Nullable String tier, Locale locale, String clientIp) {
		boolean byAdmin = caller != null && caller.isAdmin();
		if (!this.properties.openRegistration() && !byAdmin) {
			if (caller == null) {
				throw new Unauthorized("Registration is closed: an admin creates accounts");
			}
			throw new Forbidden("Registration is closed: only admins create accounts");
		}
		if (!byAdmin && (role != null || tier != null)) {
			List<Field> refused = new ArrayList<>();
			if (role != null) {
				refused.add(new Field("role", "only an admin's registration may set it; new users are members"));
			}
			if (tier != null) {
				refused.add(new Field("tier", "only an admin's registration may set it; new users are on free"));
			}
			throw new InvalidFields(refused);
		}
		checkPolicy(password);
		if (this.users.existsByUsernameOrEmail(username, email)) {
			throw new Conflict("That username or email is taken");
		}
		UUID id = UUID.randomUUID();
		Role newRole = (role != null) ? role : Role.MEMBER;
		String newTier = (tier != null) ? tier : "free";
		try {
			this.users.insert(id, username, email, this.passwords.encode(password), newRole, newTier, Instant.now());
		}
		catch (DuplicateKeyException ex) {
			throw new Conflict("That username or email is taken");
		}
		String language = Locale.ITALIAN.getLanguage().equals(locale.getLanguage()) ? "it" : "en";
		this.users.updateLocale(id, language);
		String actor = (caller != null) ? caller.username() : username;
		audit(AuditEvent.of(actor, "user.created", "create", "user", id.toString(), clientIp)
			.with(Map.of("username", username, "role", newRole.value(), "tier", newTier)));
		UserAccount user = this.users.findById(id).orElseThrow();
		if (email != null) {
			this.notifications.send(Notification.welcome(email, user.language(), username));
		}
		return user.toUser();
	}

	/**
	 * Changes the caller's password; every refresh token of theirs and every access token
	 * issued before stops working. Wrong current passwords are slowed down like failed
	 * sign-ins (the same delays, per username and client IP).
	 */
	@Transactional(noRollbackFor = { InvalidRequest.class, TooManyRequests.class })
	void changePassword(CurrentUser caller, String currentPassword, String newPassword, String clientIp) {
		UserAccount user = this.users.findById(caller.userId()).orElseThrow(() -> new Unauthorized(BAD_LOGIN));
		try {
			this.throttle.attempt(user.username(), clientIp);
		}
		catch (TooManyRequests ex) {
			audit(AuditEvent
				.of(user.username(), "auth.password_change_failed", "update", "user", user.id().toString(), clientIp)
				.with(Map.of("reason", "throttled")));
			throw ex;
		}
		boolean tooLong = currentPassword.getBytes(StandardCharsets.UTF_8).length > 72;
		if (tooLong || !this.passwords.matches(currentPassword, user.passwordHash())) {
			this.throttle.failed(user.username(), clientIp);
			audit(AuditEvent
				.of(user.username(), "auth.password_change_failed", "update", "user", user.id().toString(), clientIp)
				.with(Map.of("reason", "wrong_password")));
			throw new InvalidRequest("current_password is not correct");
		}
		this.throttle.succeeded(user.username(), clientIp);
		checkPolicy(newPassword);
		this.users.updatePassword(user.id(), this.passwords.encode(newPassword));
		this.users.credentialsChanged(user.id());
		this.refreshTokens.revokeAllOf(user.id());
		audit(AuditEvent.of(user.username(), "auth.password_changed", "update", "user", user.id().toString(),
				clientIp));
	}

	/**
	 * Sends a one-time reset token to an active user named by username or email. Says
	 * nothing about whether the user exists.
	 */
	@Transactional
	void requestPasswordReset(String usernameOrEmail, String clientIp) {
		this.users.findByUsernameOrEmail(usernameOrEmail).filter(UserAccount::active).ifPresent((user) -> {
			String token = Secrets.token();
			if (user.email() == null) {
				log.warn("User {} asked for a password reset but has no email address: no mail sent", user.username());
				return;
			}
			this.resets.voidAllOf(user.id());
			this.resets.insert(user.id(), token, Instant.now().plus(this.properties.passwordResetTtl()));
			this.notifications.send(Notification.passwordReset(user.email(), user.language(), user.username(), token,
					this.properties.passwordResetTtl()));
			audit(AuditEvent.of(user.username(), "auth.password_reset_requested", "request", "user",
					user.id().toString(), clientIp));
		});
	}

	/**
	 * Sets a new password with a reset token; the user's other reset tokens, every
	 * refresh token and every access token issued before stop working.
	 */
	@Transactional
	void confirmPasswordReset(String token, String newPassword, String clientIp) {
		checkPolicy(newPassword);
		UserAccount user = this.resets.spend(token)
			.flatMap(this.users::findById)
			.filter(UserAccount::active)
			.orElseThrow(() -> new InvalidRequest("The reset token is not valid or has expired"));
		this.users.updatePassword(user.id(), this.passwords.encode(newPassword));
		this.resets.voidAllOf(user.id());
		this.users.credentialsChanged(user.id());
		this.refreshTokens.revokeAllOf(user.id());
		audit(AuditEvent.of(user.username(), "auth.password_reset", "update", "user", user.id().toString(), clientIp));
	}

	private Tokens issue(UserAccount user, UUID familyId) {
		String refreshToken = Secrets.token();
		this.refreshTokens.insert(user.id(), familyId, refreshToken,
				Instant.now().plus(this.properties.refreshTokenTtl()));
		return new Tokens(this.accessTokens.issue(user), refreshToken, this.accessTokens.ttlSeconds());
	}

	static void checkPolicy(String password) {
		if (password.length() < 12) {
			throw new InvalidRequest("The password must have at least 12 characters");
		}
		if (password.getBytes(StandardCharsets.UTF_8).length > 72) {
			throw new InvalidRequest("The password must be at most 72 bytes long");
		}
	}

	private void audit(AuditEvent event) {
		this.events.publishEvent(event);
	}

	/**
	 * What a login or refresh returns.
	 *
	 * @param accessToken the JWT to send as {@code Authorization: Bearer}
	 * @param refreshToken the one-time token that gets the next pair
	 * @param expiresIn seconds until the access token expires
	 */
	record Tokens(String accessToken, String refreshToken, long expiresIn) {
	}

}
