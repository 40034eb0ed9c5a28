package io.costlens.inspection;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * Everything the ingest paths compute from a message, on the request thread: hash, size,
 * PII, masked preview, tokens and SQS blocks. The message is encoded to UTF-8 once, for
 * both the hash and the size.
 */
@Component
public class Inspection {

	/**
	 * The longest preview. A message without PII is cut there; with PII the preview is
	 * the start of the masked message, never showing part of a finding or of a mask.
	 */
	public static final int PREVIEW_CHARS = 500;

	private final PiiDetector detector;

	private final TokenCounter tokens;

	Inspection(PiiDetector detector, TokenCounter tokens) {
		this.detector = detector;
		this.tokens = tokens;
	}

	public InspectedMessage inspect(String message) {
		byte[] utf8 = message.getBytes(StandardCharsets.UTF_8);
		PiiScan scan = this.detector.scan(message);
		return new InspectedMessage(sha256(utf8), MaskedText.prefix(message, scan, PREVIEW_CHARS), utf8.length,
				scan.hasPii(), List.copyOf(scan.types()), this.tokens.count(message), SqsBlocks.of(utf8.length));
	}

	private static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
	}

}
