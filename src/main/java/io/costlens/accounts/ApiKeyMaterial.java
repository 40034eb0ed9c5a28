package io.costlens.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Makes and hashes API keys. A key is {@code clk_} plus 32 random bytes (256 bits), so a
 * fast SHA-256 is a safe way to store it: there is nothing to guess.
 */
final class ApiKeyMaterial {

	static final String PREFIX = "clk_";

	private static final SecureRandom RANDOM = new SecureRandom();

	private ApiKeyMaterial() {
	}

	static String generate() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	static String hash(String key) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
	}

	/** The part of a key that may be shown again: its first 12 characters. */
	static String preview(String key) {
		return key.substring(0, Math.min(12, key.length()));
	}

}
