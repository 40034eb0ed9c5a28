package io.costlens.accounts;

import java.security.SecureRandom;
import java.util.Base64;

/** Random, unguessable tokens (refresh and password-reset tokens), 256 bits each. */
final class Secrets {

	private static final SecureRandom RANDOM = new SecureRandom();

	private Secrets() {
	}

	static String token() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/** Stored form of a token: its SHA-256, hex. */
	static String hash(String token) {
		return ApiKeyMaterial.hash(token);
	}

}
