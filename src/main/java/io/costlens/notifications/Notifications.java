package io.costlens.notifications;

/**
 * Sends messages to users. Until mail delivery exists, messages are written to the log
 * (so a password-reset token can be read there by whoever runs the service).
 */
public interface Notifications {

	/** Sends the message; failures are logged, never thrown at the caller. */
	void send(Notification notification);

}
