package io.costlens.providers;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.UUID;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.AeadConfig;

/**
 * Encrypts stored provider keys with Tink's AES-256-GCM under a keyset, binding each
 * ciphertext to its row: the associated data is the table, column and row id, so a
 * ciphertext copied to another row does not decrypt. Every ciphertext starts with the id
 * of the keyset key that made it, so old ciphertexts decrypt after a rotation and the
 * re-encryption job finds those not yet under the primary key.
 */
class KeyEncryption {

	private final Aead aead;

	private final int primaryKeyId;

	private final int keyCount;

	KeyEncryption(KeysetHandle keyset) {
		try {
			AeadConfig.register();
			this.aead = keyset.getPrimitive(RegistryConfiguration.get(), Aead.class);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("The provider-key keyset is unusable", ex);
		}
		this.primaryKeyId = keyset.getPrimary().getId();
		this.keyCount = keyset.size();
	}

	byte[] encrypt(String plaintext, UUID rowId) {
		try {
			return this.aead.encrypt(plaintext.getBytes(StandardCharsets.UTF_8), associatedData(rowId));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Encrypting a provider key failed", ex);
		}
	}

	/**
	 * The plaintext key of a row.
	 * @throws UndecryptableKey when no key of the keyset opens it for this row
	 */
	String decrypt(byte[] ciphertext, UUID rowId) {
		try {
			return new String(this.aead.decrypt(ciphertext, associatedData(rowId)), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException ex) {
			throw new UndecryptableKey(rowId);
		}
	}

	/** Whether the ciphertext was made by the keyset's primary key. */
	boolean isUnderPrimaryKey(byte[] ciphertext) {
		return ciphertext.length > 5 && ByteBuffer.wrap(ciphertext, 1, 4).getInt() == this.primaryKeyId;
	}

	int primaryKeyId() {
		return this.primaryKeyId;
	}

	int keyCount() {
		return this.keyCount;
	}

	private static byte[] associatedData(UUID rowId) {
		return ("provider_keys.key_ciphertext:" + rowId).getBytes(StandardCharsets.US_ASCII);
	}

	/**
	 * A stored key no key of the configured keyset opens (a key was removed too soon).
	 */
	static class UndecryptableKey extends RuntimeException {

		UndecryptableKey(UUID rowId) {
			super("Provider key " + rowId + " cannot be decrypted with the configured keyset: "
					+ "was the key that encrypted it removed from costlens.providers.encryption-key?", null, false,
					false);
		}

	}

}
