package io.costlens.scenarios;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

record LogResponse(UUID id, UUID scenarioId, Instant receivedAt, String messageHash, String messagePreview,
		String source, long sizeBytes, boolean hasPii, List<String> piiTypes, int tokenCount, int sqsBlocks) {

	static LogResponse of(StoredLog l) {
		return new LogResponse(l.id(), l.scenarioId(), l.receivedAt(), l.messageHash(), l.messagePreview(), l.source(),
				l.sizeBytes(), l.hasPii(), l.piiTypes(), l.tokenCount(), l.sqsBlocks());
	}

}
