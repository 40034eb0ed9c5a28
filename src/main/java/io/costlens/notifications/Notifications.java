package io.costlens.notifications;

/**
 * Sends mail to users. A message is queued with the caller's transaction and sent by a
 * background job, never on the caller's thread: through SMTP when
 * {@code spring.mail.host} is set (retried when the server fails), otherwise written as
 * an {@code .eml} file under {@code <data-dir>/outbox/}.
 */
public interface Notifications {

	/** Queues the message; it is sent once the caller's transaction commits. */
	void send(Notification notification);

}
