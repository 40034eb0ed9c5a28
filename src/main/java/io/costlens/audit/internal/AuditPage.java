package io.costlens.audit.internal;

import java.util.List;

/** One page of audit entries and how many match in all. */
public record AuditPage(List<AuditEntry> items, long total) {
}
