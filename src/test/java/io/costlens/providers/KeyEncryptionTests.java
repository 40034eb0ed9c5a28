package io.costlens.providers;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeyEncryptionTests {

	private static final String OLD = EncryptionKeys.generate();

	private static final String NEW = EncryptionKeys.generate();

	private final UUID row = UUID.randomUUID();

	@Test
	void decryptsWhatItEncryptedForTheSameRow() {
		KeyEncryption encryption = new KeyEncryption(EncryptionKeys.keyset(OLD));

		byte[] ciphertext = encryption.encrypt("sk-or-v1-secret", this.row);

		assertThat(new String(ciphertext, StandardCharsets.ISO_8859_1)).doesNotContain("secret");
		assertThat(encryption.decrypt(ciphertext, this.row)).isEqualTo("sk-or-v1-secret");
	}

	@Test
	void refusesACiphertextMovedToAnotherRow() {
		KeyEncryption encryption = new KeyEncryption(EncryptionKeys.keyset(OLD));
		byte[] ciphertext = encryption.encrypt("sk-or-v1-secret", this.row);

		assertThatThrownBy(() -> encryption.decrypt(ciphertext, UUID.randomUUID()))
			.isInstanceOf(KeyEncryption.UndecryptableKey.class)
			.hasMessageNotContaining("secret");
	}

	@Test
	void readsOldCiphertextsAfterANewPrimaryKeyIsAdded() {
		KeyEncryption before = new KeyEncryption(EncryptionKeys.keyset(OLD));
		byte[] old = before.encrypt("sk-or-v1-old", this.row);

		KeyEncryption after = new KeyEncryption(EncryptionKeys.keyset(NEW + "," + OLD));
		byte[] fresh = after.encrypt("sk-or-v1-new", this.row);

		assertThat(after.decrypt(old, this.row)).isEqualTo("sk-or-v1-old");
		assertThat(after.isUnderPrimaryKey(old)).isFalse();
		assertThat(after.isUnderPrimaryKey(fresh)).isTrue();
		assertThat(before.isUnderPrimaryKey(old)).isTrue();
		assertThatThrownBy(() -> before.decrypt(fresh, this.row)).isInstanceOf(KeyEncryption.UndecryptableKey.class);
	}

	@Test
	void keepsKeyIdsStableAcrossRestarts() {
		assertThat(new KeyEncryption(EncryptionKeys.keyset(NEW + "," + OLD)).primaryKeyId())
			.isEqualTo(new KeyEncryption(EncryptionKeys.keyset(NEW)).primaryKeyId());
	}

	@Test
	void refusesKeysThatAreNotBase64Of32Bytes() {
		assertThatIllegalStateException().isThrownBy(() -> EncryptionKeys.keyset("not*base64!"))
			.withMessageContaining("not base64");
		assertThatIllegalStateException().isThrownBy(() -> EncryptionKeys.keyset("c2hvcnQ="))
			.withMessageContaining("32 bytes");
		assertThatIllegalStateException().isThrownBy(() -> EncryptionKeys.keyset(OLD + "," + OLD))
			.withMessageContaining("twice");
	}

	@Test
	void generatesAnOwnerOnlyKeyOnceInTheQuickStart(@TempDir Path data) throws Exception {
		KeyEncryption first = new KeyEncryption(EncryptionKeys.load(null, data, false));
		byte[] ciphertext = first.encrypt("sk-or-v1-kept", this.row);

		KeyEncryption second = new KeyEncryption(EncryptionKeys.load("", data, false));

		Path file = data.resolve(EncryptionKeys.FILE);
		assertThat(Files.getPosixFilePermissions(file))
			.isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
		assertThat(second.decrypt(ciphertext, this.row)).isEqualTo("sk-or-v1-kept");
	}

	@Test
	void refusesToStartTheProdProfileWithoutAConfiguredKey(@TempDir Path data) {
		assertThatIllegalStateException().isThrownBy(() -> EncryptionKeys.load(null, data, true))
			.withMessageContaining("COSTLENS_PROVIDERS_ENCRYPTION_KEY");
		assertThat(data.resolve(EncryptionKeys.FILE)).doesNotExist();
		assertThat(new KeyEncryption(EncryptionKeys.load(OLD, data, true)).keyCount()).isEqualTo(1);
	}

}
