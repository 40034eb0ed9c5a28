package io.costlens.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * One stored audit entry.
 * <p>
 * Canonical form, the input of the hash: the JSON array
 * {@code [id, occurred_at, actor, event_type, action, resource_type, resource_id, details, client_ip]}
 * with {@code occurred_at} as ISO-8601 UTC ({@link Instant#toString()}, millisecond
 * precision), absent values as {@code null} and {@code details} as the stored JSON text.
 * {@code hash = hex(SHA-256(prev_hash ‖ canonical form))}, both as UTF-8; the first
 * entry's {@code prev_hash} is 64 zeros.
 */
public record AuditEntry(long id, Instant occurredAt, String actor, String eventType, String action,
		@Nullable String resourceType, @Nullable String resourceId, String details, @Nullable String clientIp,
		String prevHash, String hash) {

	static final String GENESIS = "0".repeat(64);

	private static final JsonMapper CANONICAL = JsonMapper.builder().build();

	/** The hash this entry must carry, computed from its fields. */
	String expectedHash() {
		return hashOf(this.prevHash, canonicalForm());
	}

	String canonicalForm() {
		return CANONICAL.writeValueAsString(Arrays.asList(this.id, this.occurredAt.toString(), this.actor,
				this.eventType, this.action, this.resourceType, this.resourceId, this.details, this.clientIp));
	}

	/** This entry with its hash computed. */
	AuditEntry sealed() {
		return new AuditEntry(this.id, this.occurredAt, this.actor, this.eventType, this.action, this.resourceType,
				this.resourceId, this.details, this.clientIp, this.prevHash, expectedHash());
	}

	private static String hashOf(String prevHash, String canonical) {
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			sha.update(prevHash.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(sha.digest(canonical.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
	}

}
