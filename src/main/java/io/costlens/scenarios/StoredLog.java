package io.costlens.scenarios;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What is kept of one ingested message: never the message itself.
 *
 * @param id the log id
 * @param scenarioId its scenario
 * @param receivedAt when the service received it
 * @param messageHash SHA-256 hex of the UTF-8 message
 * @param messagePreview the first 500 characters with detected PII masked
 * @param source where it came from
 * @param sizeBytes UTF-8 bytes of the message
 * @param hasPii whether PII was detected
 * @param piiTypes the kinds of PII detected, lower-case
 * @param tokenCount BPE tokens of the message
 * @param sqsBlocks billed 64 KiB SQS blocks
 */
public record StoredLog(UUID id, UUID scenarioId, Instant receivedAt, String messageHash, String messagePreview,
		String source, long sizeBytes, boolean hasPii, List<String> piiTypes, int tokenCount, int sqsBlocks) {

}
