package io.costlens.inspection;

import java.util.List;

/**
 * What an ingest path stores about a message instead of the message itself.
 *
 * @param messageHash SHA-256 of the UTF-8 message, lower-case hex
 * @param preview the first 500 characters of the message with PII masked (see
 * {@link Inspection#PREVIEW_CHARS})
 * @param sizeBytes the size of the message in UTF-8
 * @param hasPii whether any personal data was found
 * @param piiTypes the types found, in {@link PiiType} order
 * @param tokenCount BPE tokens in the configured encoding
 * @param sqsBlocks the SQS requests the message is billed as
 */
public record InspectedMessage(String messageHash, String preview, long sizeBytes, boolean hasPii,
		List<PiiType> piiTypes, int tokenCount, int sqsBlocks) {
}
