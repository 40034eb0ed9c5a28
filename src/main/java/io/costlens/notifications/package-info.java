/**
 * Messages to users (password resets today; welcome and report-ready mails later) behind
 * one small interface, so that the delivery channel can change without touching senders.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
@org.jspecify.annotations.NullMarked
package io.costlens.notifications;
