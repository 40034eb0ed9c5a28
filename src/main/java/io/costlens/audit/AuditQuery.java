package io.costlens.audit;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** Which audit entries to list: every filter given must match. */
public record AuditQuery(@Nullable String actor, @Nullable String eventType, @Nullable String resourceType,
		@Nullable String resourceId, @Nullable Instant from, @Nullable Instant to, int page, int pageSize) {
}
