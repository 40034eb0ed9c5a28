package io.costlens.scenarios;

import java.util.Locale;
import java.util.Map;

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
	void on(ScenarioEvent event) {
		String action = switch (event) {
			case ScenarioEvent.Created created -> "create";
			case ScenarioEvent.Updated updated -> "update";
			case ScenarioEvent.Deleted deleted -> "delete";
			case ScenarioEvent.Started started -> "start";
			case ScenarioEvent.Stopped stopped -> "stop";
			case ScenarioEvent.Archived archived -> "archive";
		};
		// scenario.created, scenario.updated, …: the record's name
		String eventType = "scenario." + event.getClass().getSimpleName().toLowerCase(Locale.ROOT);
		this.events.publishEvent(new AuditEvent(actor(), eventType, action, "scenario", event.scenarioId().toString(),
				Map.of("name", event.name()), clientIp()));
	}

	private static String actor() {
		return CurrentUser.current().map(CurrentUser::username).orElse("system");
	}

	private static @Nullable String clientIp() {
		return (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request)
				? request.getRequest().getRemoteAddr() : null;
	}

}
