package io.costlens.providers;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

import io.costlens.providers.ProviderKeyRepository.Ciphertext;

/**
 * Moves every stored key to the keyset's primary key after a rotation: each ciphertext
 * made by an older key is decrypted and encrypted again (bound to the same row), so the
 * older key can later be removed from the setting.
 */
@Service
class KeyReEncryption {

	private static final Logger log = LoggerFactory.getLogger(KeyReEncryption.class);

	private final ProviderKeyRepository keys;

	private final KeyEncryption encryption;

	KeyReEncryption(ProviderKeyRepository keys, KeyEncryption encryption) {
		this.keys = keys;
		this.encryption = encryption;
	}

	/** Re-encrypts what is not under the primary key; returns how many keys moved. */
	RunCounts run() {
		RunCounts counts = RunCounts.NONE;
		for (Ciphertext row : this.keys.ciphertexts()) {
			if (this.encryption.isUnderPrimaryKey(row.value())) {
				continue;
			}
			try {
				byte[] next = this.encryption.encrypt(this.encryption.decrypt(row.value(), row.id()), row.id());
				boolean replaced = this.keys.replaceCiphertext(row.id(), row.value(), next);
				counts = counts.plus(replaced, replaced ? 1 : 0);
			}
			catch (KeyEncryption.UndecryptableKey ex) {
				log.error(ex.getMessage());
				counts = counts.plus(false, 0);
			}
		}
		if (counts.succeeded() > 0) {
			log.info("Re-encrypted {} provider key(s) under primary key {}", counts.succeeded(),
					this.encryption.primaryKeyId());
		}
		return counts;
	}

}
