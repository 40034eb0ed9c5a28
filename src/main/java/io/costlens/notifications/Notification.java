package io.costlens.notifications;

/**
 * One message to one recipient.
 *
 * @param to the recipient's address (an email address, or a username when none is known)
 * @param subject a one-line summary
 * @param body the text of the message
 * @param kind what it is, e.g. {@code password_reset}, so channels can pick a template
 */
public record Notification(String to, String subject, String body, String kind) {
}
