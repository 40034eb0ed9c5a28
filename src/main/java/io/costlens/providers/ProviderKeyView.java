package io.costlens.providers;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A provider key as the API shows it: never the key, only its preview. Money as decimal
 * strings.
 *
 * @param id the key's id
 * @param userId its owner
 * @param name the owner's name for it
 * @param provider {@code openrouter}
 * @param keyPreview prefix and last four characters
 * @param keyType {@code management} or {@code ordinary} once validated
 * @param isActive whether jobs use it
 * @param limit OpenRouter's spend cap in USD
 * @param limitRemaining what is left of it
 * @param limitReset when it resets
 * @param lastValidatedAt when OpenRouter last answered for it
 * @param lastSyncedAt when its usage was last synced
 * @param createdAt when it was added
 */
public record ProviderKeyView(UUID id, UUID userId, String name, String provider, String keyPreview,
		@Nullable String keyType, boolean isActive, @Nullable String limit, @Nullable String limitRemaining,
		@Nullable String limitReset, @Nullable Instant lastValidatedAt, @Nullable Instant lastSyncedAt,
		Instant createdAt) {

	static ProviderKeyView of(ProviderKey key) {
		return new ProviderKeyView(key.id(), key.userId(), key.name(), key.provider(), key.keyPreview(),
				(key.type() != null) ? key.type().value() : null, key.active(), money(key.limit()),
				money(key.limitRemaining()), key.limitReset(), key.lastValidatedAt(), key.lastSyncedAt(),
				key.createdAt());
	}

	static @Nullable String money(@Nullable BigDecimal amount) {
		return (amount != null) ? amount.stripTrailingZeros().toPlainString() : null;
	}

}
