package io.costlens.providers;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import io.costlens.audit.AuditEvent;
import io.costlens.platform.CurrentUser;

/**
 * Puts provider keys added, changed, removed and invalidated on the audit record, with
 * the caller (or {@code system} for a job) as actor. Details name the key by its preview,
 * never the key.
 */
@Component
class ProviderAudit {

	private final ApplicationEventPublisher events;

	ProviderAudit(ApplicationEventPublisher events) {
		this.events = events;
	}

	void added(ProviderKey key) {
		record("provider_key.added", "add", key, Map.of());
	}

	void updated(ProviderKey key, Map<String, ?> changes) {
		record("provider_key.updated", "update", key, changes);
	}

	void removed(ProviderKey key, boolean purged) {
		record("provider_key.removed", "remove", key, Map.of("purged_usage", purged));
	}

	void invalidated(ProviderKey key, String reason) {
		record("provider_key.invalidated", "invalidate", key, Map.of("reason", reason));
	}

	private void record(String eventType, String action, ProviderKey key, Map<String, ?> extra) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("name", key.name());
		details.put("provider", key.provider());
		details.put("key_preview", key.keyPreview());
		details.put("owner_id", key.userId().toString());
		details.putAll(extra);
		this.events.publishEvent(
				new AuditEvent(actor(), eventType, action, "provider_key", key.id().toString(), details, clientIp()));
	}

	private static String actor() {
		return CurrentUser.current().map(CurrentUser::username).orElse("system");
	}

	private static @Nullable String clientIp() {
		return (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request)
				? request.getRequest().getRemoteAddr() : null;
	}

}
