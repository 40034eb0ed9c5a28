package io.costlens.audit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Audit log settings.
 *
 * @param retention how long entries are kept; the job that deletes older ones arrives
 * with the job engine (verification already accepts a chain whose oldest entries were
 * removed)
 */
@ConfigurationProperties("costlens.audit")
record AuditProperties(@DefaultValue("365d") Duration retention) {
}
