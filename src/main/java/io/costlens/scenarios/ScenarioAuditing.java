package io.costlens.scenarios;

import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import io.costlens.audit.AuditEvent;
import io.costlens.platform.CurrentUser;

/**
 * Puts every scenario change and lifecycle step on the audit record, with the caller who
 * made it. The listeners run in the caller's thread and transaction, so the entry commits
 * with the change.
 */
@Component
class ScenarioAuditing {

	private final ApplicationEventPublisher events;

	ScenarioAuditing(ApplicationEventPublisher events) {
		this.events = events;
	}

	@EventListener
	void on(ScenarioCreated created) {
		record("scenario.created", "create", created.scenarioId(), created.name());
	}

	@EventListener
	void on(ScenarioUpdated updated) {
		record("scenario.updated", "update", updated.scenarioId(), updated.name());
	}

	@EventListener
	void on(ScenarioDeleted deleted) {
		record("scenario.deleted", "delete", deleted.scenarioId(), deleted.name());
	}

	@EventListener
	void on(ScenarioStarted started) {
		record("scenario.started", "start", started.scenarioId(), started.name());
	}

	@EventListener
	void on(ScenarioStopped stopped) {
		record("scenario.stopped", "stop", stopped.scenarioId(), stopped.name());
	}

	@EventListener
	void on(ScenarioArchived archived) {
		record("scenario.archived", "archive", archived.scenarioId(), archived.name());
	}

	private void record(String eventType, String action, UUID scenarioId, String name) {
		this.events.publishEvent(new AuditEvent(actor(), eventType, action, "scenario", scenarioId.toString(),
				Map.of("name", name), clientIp()));
	}

	private static String actor() {
		return CurrentUser.current().map(CurrentUser::username).orElse("system");
	}

	private static @Nullable String clientIp() {
		return (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request)
				? request.getRequest().getRemoteAddr() : null;
	}

}
