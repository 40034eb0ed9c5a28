package io.costlens.providers;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.costlens.platform.CurrentUser;
import io.costlens.platform.Forbidden;
import io.costlens.platform.InvalidFields;
import io.costlens.platform.Page;
import io.costlens.platform.Unauthorized;

/**
 * Adding, listing, changing and removing provider keys, each visible only to its owner
 * and to admins (another member's key is not found). Keys are encrypted before they are
 * stored and never leave this class in clear except to the OpenRouter client.
 */
@Service
class ProviderKeys {

	static final Set<String> PROVIDERS = Set.of("openrouter");

	static final int MIN_KEY_LENGTH = 16;

	private final ProviderKeyRepository keys;

	private final UsageRepository usage;

	private final KeyEncryption encryption;

	private final ProviderAudit audit;

	ProviderKeys(ProviderKeyRepository keys, UsageRepository usage, KeyEncryption encryption, ProviderAudit audit) {
		this.keys = keys;
		this.usage = usage;
		this.encryption = encryption;
		this.audit = audit;
	}

	@Transactional
	ProviderKey add(NewProviderKey request) {
		check(request);
		CurrentUser caller = caller();
		UUID id = UUID.randomUUID();
		String key = request.key().strip();
		ProviderKey stored = new ProviderKey(id, caller.userId(), request.name().strip(), request.provider(),
				this.encryption.encrypt(key, id), KeyPreview.of(key), null, true, null, null, null,
				Instant.now().truncatedTo(ChronoUnit.MICROS), null, null);
		this.keys.insert(stored);
		this.audit.added(stored);
		return stored;
	}

	/**
	 * A page of keys: the caller's own, or for an admin everyone's (or one user's).
	 * @throws Forbidden when a member asks for another user's keys
	 */
	Page<ProviderKey> list(@Nullable UUID userId, int page, int pageSize) {
		UUID owner = scope(userId);
		return new Page<>(this.keys.page(owner, Page.offset(page, pageSize), pageSize), this.keys.count(owner), page,
				pageSize);
	}

	/**
	 * A key the caller may see.
	 * @throws ProviderKeyNotFound when there is none, or it is another member's
	 */
	ProviderKey get(UUID id) {
		CurrentUser caller = caller();
		return this.keys.find(id)
			.filter((k) -> caller.isAdmin() || k.isOwnedBy(caller.userId()))
			.orElseThrow(() -> new ProviderKeyNotFound(id));
	}

	@Transactional
	ProviderKey update(UUID id, @Nullable String name, @Nullable Boolean active) {
		ProviderKey key = get(id);
		String newName = (name != null) ? name.strip() : key.name();
		boolean newActive = (active != null) ? active : key.active();
		this.keys.update(id, newName, newActive);
		Map<String, Object> changes = new LinkedHashMap<>();
		if (!newName.equals(key.name())) {
			changes.put("new_name", newName);
		}
		if (newActive != key.active()) {
			changes.put("is_active", newActive);
		}
		if (!changes.isEmpty()) {
			this.audit.updated(key, changes);
		}
		return get(id);
	}

	/** Removes a key; its usage rows stay unless {@code purge}. */
	@Transactional
	void delete(UUID id, boolean purge) {
		ProviderKey key = get(id);
		if (!this.keys.delete(id)) {
			throw new ProviderKeyNotFound(id);
		}
		if (purge) {
			this.usage.deleteOfKey(id);
		}
		this.audit.removed(key, purge);
	}

	/**
	 * Whose rows a read covers: the caller's, or for an admin the one asked for (or all).
	 */
	@Nullable UUID scope(@Nullable UUID userId) {
		CurrentUser caller = caller();
		if (caller.isAdmin()) {
			return userId;
		}
		if (userId != null && !userId.equals(caller.userId())) {
			throw new Forbidden("Only admins may read another user's provider keys and usage (user_id)");
		}
		return caller.userId();
	}

	private static void check(NewProviderKey request) {
		List<InvalidFields.Field> errors = new ArrayList<>();
		if (!PROVIDERS.contains(request.provider())) {
			errors.add(new InvalidFields.Field("provider",
					"unknown provider '" + request.provider() + "'; supported: " + String.join(", ", PROVIDERS)));
		}
		String key = request.key().strip();
		if (key.length() < MIN_KEY_LENGTH) {
			errors.add(new InvalidFields.Field("key", "must be at least " + MIN_KEY_LENGTH + " characters"));
		}
		else if (key.chars().anyMatch((c) -> c <= ' ' || c == 0x7f)) {
			errors.add(new InvalidFields.Field("key", "must not contain spaces or control characters"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidFields(errors);
		}
	}

	private static CurrentUser caller() {
		return CurrentUser.current().orElseThrow(() -> new Unauthorized("Sign in to manage provider keys"));
	}

}
