package io.costlens.accounts;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A stored API key; the key itself is never stored, only its hash and first characters.
 *
 * @param tier the tier that applies to the key: its own, or its user's
 */
public record ApiKey(UUID id, UUID userId, String name, String keyPreview, String keyHash, String tier, boolean active,
		Instant createdAt, @Nullable Instant lastUsedAt) {
}
