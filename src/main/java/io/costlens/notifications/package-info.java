/**
 * Mail to users (welcome, password reset, report ready) in English or Italian, as plain
 * text and HTML, queued in the database and sent by a background job through SMTP, or
 * written to {@code <data-dir>/outbox/} when no SMTP server is configured.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "platform")
@org.jspecify.annotations.NullMarked
package io.costlens.notifications;
