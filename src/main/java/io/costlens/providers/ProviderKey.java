package io.costlens.providers;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A stored provider key. The key itself is only here encrypted.
 *
 * @param id the key's id
 * @param userId its owner
 * @param name the owner's name for it
 * @param provider {@code openrouter}
 * @param ciphertext the encrypted key, bound to {@code id}
 * @param keyPreview what may be shown of it
 * @param type what validation learnt, {@code null} before the first validation
 * @param active whether jobs use it
 * @param limit the provider's spend cap in USD, when it has one
 * @param limitRemaining what is left of the cap
 * @param limitReset when the cap resets
 * @param createdAt when it was added
 * @param lastValidatedAt when the provider last answered a validation
 * @param lastSyncedAt when its usage was last synced
 */
record ProviderKey(UUID id, UUID userId, String name, String provider, byte[] ciphertext, String keyPreview,
		@Nullable KeyType type, boolean active, @Nullable BigDecimal limit, @Nullable BigDecimal limitRemaining,
		@Nullable String limitReset, Instant createdAt, @Nullable Instant lastValidatedAt,
		@Nullable Instant lastSyncedAt) {

	boolean isOwnedBy(UUID user) {
		return this.userId.equals(user);
	}

}
