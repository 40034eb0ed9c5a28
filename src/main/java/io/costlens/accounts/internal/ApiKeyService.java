package io.costlens.accounts.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.costlens.audit.AuditEvent;
import io.costlens.platform.CurrentUser;
import io.costlens.platform.Forbidden;
import io.costlens.platform.NotFound;

/**
 * API keys of the caller, or of any user for an admin. Another user's key is "not found"
 * to everyone but admins, so its existence does not leak.
 */
@Service
public class ApiKeyService {

	private final ApiKeyRepository keys;

	private final UserRepository users;

	private final ApiKeyAuthenticationProvider cache;

	private final ApplicationEventPublisher events;

	ApiKeyService(ApiKeyRepository keys, UserRepository users, ApiKeyAuthenticationProvider cache,
			ApplicationEventPublisher events) {
		this.keys = keys;
		this.users = users;
		this.cache = cache;
		this.events = events;
	}

	/**
	 * Creates a key and returns it with its one and only showing of the key material.
	 * Only admins may pick a key's tier (e.g. {@code unlimited} for a service) or create
	 * keys for others.
	 */
	@Transactional
	public CreatedKey create(CurrentUser caller, @Nullable UUID userId, String name, @Nullable String tier,
			String clientIp) {
		UUID owner = ownerFor(caller, userId);
		if (tier != null && !caller.isAdmin()) {
			throw new Forbidden("Only admins choose a key's tier; a key gets its user's tier");
		}
		this.users.findById(owner).orElseThrow(() -> new NotFound("No user " + owner));
		String key = ApiKeyMaterial.generate();
		UUID id = UUID.randomUUID();
		this.keys.insert(id, owner, name, key, tier, Instant.now());
		this.events.publishEvent(AuditEvent
			.of(caller.username(), "api_key.created", "create", "api_key", id.toString(), clientIp)
			.with(Map.of("name", name, "user_id", owner.toString(), "tier", (tier != null) ? tier : "inherited")));
		return new CreatedKey(this.keys.findById(id).orElseThrow(), key);
	}

	public List<ApiKey> list(CurrentUser caller, @Nullable UUID userId) {
		return this.keys.findByUser(ownerFor(caller, userId));
	}

	public ApiKey get(CurrentUser caller, UUID id) {
		return this.keys.findById(id)
			.filter((k) -> caller.isAdmin() || k.userId().equals(caller.userId()))
			.orElseThrow(() -> new NotFound("No API key " + id));
	}

	/** Revokes the key; it stops working on this instance at once. */
	@Transactional
	public void revoke(CurrentUser caller, UUID id, String clientIp) {
		ApiKey key = get(caller, id);
		this.keys.revoke(key.id());
		this.cache.forget(key.keyHash());
		this.events.publishEvent(
				AuditEvent.of(caller.username(), "api_key.revoked", "revoke", "api_key", id.toString(), clientIp)
					.with(Map.of("name", key.name(), "user_id", key.userId().toString())));
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

}
