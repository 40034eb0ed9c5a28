package io.costlens.accounts;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.costlens.audit.AuditEvent;
import io.costlens.platform.Caches;
import io.costlens.platform.Conflict;
import io.costlens.platform.CurrentUser;
import io.costlens.platform.Forbidden;
import io.costlens.platform.NotFound;
import io.costlens.platform.Role;
import io.costlens.platform.Unauthorized;

/**
 * What other modules and the controllers do with accounts: admins list and change users;
 * callers manage their API keys (admins anyone's). Another user's key is "not found" to
 * everyone but admins, so its existence does not leak. Every change is audited.
 */
@Service
public class Accounts {

	/** The user accounts as a cached data set: every write to a user marks it changed. */
	public static final String USERS = "accounts.users";

	/**
	 * How long a cached signed-in user may serve an instance that does not share the
	 * cache's generations (no Redis) after another instance changed the user: its key
	 * carries the current window of this length.
	 */
	static final long SIGNED_IN_WINDOW_MILLIS = 2000;

	private static final TypeReference<User> USER = new TypeReference<>() {
	};

	private final Caches caches;

	private final UserRepository users;

	private final ApiKeyRepository keys;

	private final RefreshTokenRepository refreshTokens;

	private final ApiKeyAuthenticationProvider cache;

	private final ApplicationEventPublisher events;

	private final AuthService auth;

	private final AccountsProperties properties;

	Accounts(UserRepository users, ApiKeyRepository keys, RefreshTokenRepository refreshTokens,
			ApiKeyAuthenticationProvider cache, ApplicationEventPublisher events, AuthService auth,
			AccountsProperties properties, Caches caches) {
		this.properties = properties;
		this.caches = caches;
		this.users = users;
		this.keys = keys;
		this.refreshTokens = refreshTokens;
		this.cache = cache;
		this.events = events;
		this.auth = auth;
	}

	/**
	 * Signs a browser in with a password exactly as {@code POST /api/v2/auth/login} does
	 * (same throttle, same audit entries, the same refusal for every failure) and returns
	 * the caller with the refresh token the sign-in started, which {@link #signOut}
	 * revokes.
	 */
	public SignIn signIn(String username, String password, String clientIp) {
		String refreshToken = this.auth.login(username, password, clientIp).refreshToken();
		UserAccount user = this.users.findByUsername(username)
			.orElseThrow(() -> new Unauthorized(AuthService.BAD_LOGIN));
		return new SignIn(user.asCaller(), refreshToken);
	}

	/**
	 * Ends a browser sign-in: its refresh token family is revoked, and audited as a
	 * logout.
	 */
	public void signOut(CurrentUser caller, String refreshToken, String clientIp) {
		this.auth.logout(caller, refreshToken, clientIp);
	}

	/**
	 * Mails a one-time password-reset link to the active user with this username or
	 * email, as {@code POST /api/v2/auth/password-reset} does; says nothing about whether
	 * there is such a user.
	 */
	public void requestPasswordReset(String usernameOrEmail, String clientIp) {
		this.auth.requestPasswordReset(usernameOrEmail, clientIp);
	}

	/**
	 * Sets a new password with a reset token, as
	 * {@code POST /api/v2/auth/password-reset/confirm} does: the token works once, and
	 * every session and token of the user issued before stops working.
	 * @throws io.costlens.platform.InvalidRequest when the token is unknown, used or
	 * expired, or the password breaks the policy
	 */
	public void confirmPasswordReset(String token, String newPassword, String clientIp) {
		this.auth.confirmPasswordReset(token, newPassword, clientIp);
	}

	/**
	 * Creates a user as {@code POST /api/v2/auth/register} does (admins, unless
	 * registration is open; only an admin may give a role or tier).
	 */
	public User register(@Nullable CurrentUser caller, String username, @Nullable String email, String password,
			@Nullable Role role, @Nullable String tier, Locale locale, String clientIp) {
		return this.auth.register(caller, username, email, password, role, tier, locale, clientIp);
	}

	/** One page of users, oldest first. */
	public List<User> users(int page, int pageSize) {
		return this.users.page(page, pageSize).stream().map(UserAccount::toUser).toList();
	}

	public long userCount() {
		return this.users.count();
	}

	public User user(UUID id) {
		return account(id).toUser();
	}

	/**
	 * {@link #user} for a check made on every request of a signed-in session: cached
	 * until any user changes (at once on every instance with Redis, at once on this one
	 * without), and without Redis on another instance for at most
	 * {@link #SIGNED_IN_WINDOW_MILLIS}.
	 */
	public User signedInUser(UUID id) {
		long window = System.currentTimeMillis() / SIGNED_IN_WINDOW_MILLIS;
		return this.caches.get(Caches.Level.QUERY, "signed-in-users", id + "@" + window, USER, () -> user(id), USERS);
	}

	/**
	 * Applies the changes given (an admin's); a deactivated user's tokens stop working at
	 * once everywhere, their API keys at once on this instance (within the key cache time
	 * on others); reactivating them does not revive tokens issued before.
	 */
	@Transactional
	public User updateUser(CurrentUser admin, UUID id, @Nullable Role role, @Nullable String tier,
			@Nullable Boolean active, @Nullable String locale, String clientIp) {
		UserAccount user = account(id);
		Role newRole = (role != null) ? role : user.role();
		boolean newActive = (active != null) ? active : user.active();
		if (id.equals(admin.userId()) && (newRole != Role.ADMIN || !newActive)) {
			throw new Conflict("Admins cannot demote or deactivate themselves");
		}
		String newTier = (tier != null) ? tier : user.tier();
		this.users.updateAccess(id, newRole, newTier, newActive);
		if (locale != null) {
			this.users.updateLocale(id, locale);
		}
		if (!newActive) {
			this.refreshTokens.revokeAllOf(id);
			this.users.credentialsChanged(id);
		}
		this.cache.forgetUser(id);
		Map<String, Object> changes = new LinkedHashMap<>();
		changes.put("role", List.of(user.role().value(), newRole.value()));
		changes.put("tier", List.of(user.tier(), newTier));
		changes.put("is_active", List.of(user.active(), newActive));
		if (locale != null) {
			changes.put("locale", List.of(user.locale(), locale));
		}
		this.events.publishEvent(
				AuditEvent.of(admin.username(), "admin.user_updated", "update", "user", id.toString(), clientIp)
					.with(changes));
		return user(id);
	}

	/**
	 * Creates a key and returns it with its one and only showing of the key material.
	 * Only admins may pick a key's tier (e.g. {@code unlimited} for a service) or create
	 * keys for others.
	 */
	@Transactional
	public CreatedKey createKey(CurrentUser caller, @Nullable UUID userId, String name, @Nullable String tier,
			String clientIp) {
		UUID owner = ownerFor(caller, userId);
		if (tier != null && !caller.isAdmin()) {
			throw new Forbidden("Only admins choose a key's tier; a key gets its user's tier");
		}
		account(owner);
		this.users.lock(owner);
		int max = this.properties.maxApiKeysPerUser();
		if (this.keys.countActive(owner) >= max) {
			throw new Conflict("A user may have at most " + max + " active API keys: revoke one first");
		}
		String key = ApiKeyMaterial.generate();
		UUID id = UUID.randomUUID();
		this.keys.insert(id, owner, name, key, tier, Instant.now());
		this.events.publishEvent(AuditEvent
			.of(caller.username(), "api_key.created", "create", "api_key", id.toString(), clientIp)
			.with(Map.of("name", name, "user_id", owner.toString(), "tier", (tier != null) ? tier : "inherited")));
		return new CreatedKey(this.keys.findById(id).orElseThrow(), key);
	}

	/** The keys of the caller, or of the user given (admins only). */
	public List<ApiKey> keys(CurrentUser caller, @Nullable UUID userId) {
		return this.keys.findByUser(ownerFor(caller, userId));
	}

	public ApiKey key(CurrentUser caller, UUID id) {
		return this.keys.findById(id)
			.filter((k) -> caller.isAdmin() || k.userId().equals(caller.userId()))
			.orElseThrow(() -> new NotFound("No API key " + id));
	}

	/** Revokes the key; it stops working on this instance at once. */
	@Transactional
	public void revokeKey(CurrentUser caller, UUID id, String clientIp) {
		ApiKey key = key(caller, id);
		this.keys.revoke(key.id());
		this.cache.forget(key.keyHash());
		this.events.publishEvent(
				AuditEvent.of(caller.username(), "api_key.revoked", "revoke", "api_key", id.toString(), clientIp)
					.with(Map.of("name", key.name(), "user_id", key.userId().toString())));
	}

	private UserAccount account(UUID id) {
		return this.users.findById(id).orElseThrow(() -> new NotFound("No user " + id));
	}

	private static UUID ownerFor(CurrentUser caller, @Nullable UUID userId) {
		if (userId == null || userId.equals(caller.userId())) {
			return caller.userId();
		}
		if (!caller.isAdmin()) {
			throw new Forbidden("Only admins manage other users' API keys");
		}
		return userId;
	}

	/**
	 * A new key.
	 *
	 * @param stored what is stored about it
	 * @param key the key itself, shown this once
	 */
	public record CreatedKey(ApiKey stored, String key) {
	}

	/**
	 * A browser sign-in.
	 *
	 * @param caller who signed in, with their current role and tier
	 * @param refreshToken the refresh token the sign-in started
	 */
	public record SignIn(CurrentUser caller, String refreshToken) {
	}

}
