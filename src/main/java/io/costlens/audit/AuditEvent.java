package io.costlens.audit;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Something that happened and must be on the record. Publish it with
 * {@code ApplicationEventPublisher.publishEvent(...)}: it is written in the publisher's
 * transaction (so it commits or rolls back with the change it describes), or in a
 * transaction of its own when there is none.
 *
 * @param actor who did it: a username, or {@code anonymous}/{@code system}
 * @param eventType the kind of event, e.g. {@code auth.login_failed},
 * {@code api_key.created}
 * @param action the verb, e.g. {@code login}, {@code create}, {@code revoke}
 * @param resourceType what it was done to, e.g. {@code user}, {@code api_key}
 * @param resourceId the id of that resource
 * @param details further facts, written as a JSON object; never secrets
 * @param clientIp the caller's address, when it came from a request
 */
public record AuditEvent(String actor, String eventType, String action, @Nullable String resourceType,
		@Nullable String resourceId, Map<String, ?> details, @Nullable String clientIp) {

	/** An event with no further details. */
	public static AuditEvent of(String actor, String eventType, String action, @Nullable String resourceType,
			@Nullable String resourceId, @Nullable String clientIp) {
		return new AuditEvent(actor, eventType, action, resourceType, resourceId, Map.of(), clientIp);
	}

	/** The same event with these details. */
	public AuditEvent with(Map<String, ?> details) {
		return new AuditEvent(this.actor, this.eventType, this.action, this.resourceType, this.resourceId, details,
				this.clientIp);
	}

}
