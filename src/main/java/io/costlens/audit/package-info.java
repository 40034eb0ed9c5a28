/**
 * The tamper-evident audit log: modules publish {@link io.costlens.audit.AuditEvent}s,
 * each becomes an append-only entry whose hash covers the previous entry's hash, and
 * admins can list the entries and verify the chain.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "platform")
@org.jspecify.annotations.NullMarked
package io.costlens.audit;
