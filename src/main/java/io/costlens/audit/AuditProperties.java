package io.costlens.audit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Audit log settings.
 *
 * @param retention how long entries are kept; a daily job deletes older ones
 * (verification accepts a chain whose oldest entries were removed)
 * @param cleanupInterval how often entries older than the retention are deleted
 * @param sealInterval how often each instance links pending entries into the hash chain
 * (listing and verifying seal first anyway)
 */
@ConfigurationProperties("costlens.audit")
record AuditProperties(@DefaultValue("365d") Duration retention, @DefaultValue("1d") Duration cleanupInterval,
		@DefaultValue("1s") Duration sealInterval) {
}
