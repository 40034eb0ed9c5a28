package io.costlens.providers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.aead.AesGcmKey;
import com.google.crypto.tink.aead.AesGcmParameters;
import com.google.crypto.tink.util.SecretBytes;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.util.StringUtils;

/**
 * The keyset of {@link KeyEncryption}: from {@code costlens.providers.encryption-key}
 * (comma-separated base64 AES-256 keys, the first primary), or in the quick start from
 * {@code provider-encryption-key} in the data folder, generated once and owner-only. The
 * {@code prod} profile requires the setting: a generated key would differ per instance
 * and be lost with the folder.
 */
final class EncryptionKeys {

	static final String FILE = "provider-encryption-key";

	private static final Logger log = LoggerFactory.getLogger(EncryptionKeys.class);

	private static final int KEY_BYTES = 32;

	private EncryptionKeys() {
	}

	static KeysetHandle load(@Nullable String configured, Path dataDirectory, boolean prod) {
		if (StringUtils.hasText(configured)) {
			return keyset(configured);
		}
		if (prod) {
			throw new IllegalStateException("The prod profile needs COSTLENS_PROVIDERS_ENCRYPTION_KEY "
					+ "(base64 of 32 random bytes, e.g. `openssl rand -base64 32`, the same on every instance)");
		}
		return keyset(fromFile(dataDirectory.resolve(FILE)));
	}

	/** Parses the setting's form: base64 keys separated by commas, the first primary. */
	static KeysetHandle keyset(String keys) {
		List<byte[]> material = new ArrayList<>();
		for (String key : keys.split("[,\\s]+")) {
			if (!key.isEmpty()) {
				material.add(decode(key));
			}
		}
		if (material.isEmpty()) {
			throw new IllegalStateException("costlens.providers.encryption-key holds no key");
		}
		try {
			KeysetHandle.Builder builder = KeysetHandle.newBuilder();
			Set<Integer> ids = new HashSet<>();
			for (int i = 0; i < material.size(); i++) {
				int id = idOf(material.get(i));
				if (!ids.add(id)) {
					throw new IllegalStateException("costlens.providers.encryption-key lists a key twice");
				}
				KeysetHandle.Builder.Entry entry = KeysetHandle.importKey(aesGcm(material.get(i), id)).withFixedId(id);
				builder.addEntry((i == 0) ? entry.makePrimary() : entry);
			}
			return builder.build();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("costlens.providers.encryption-key is not a usable AES-256 keyset", ex);
		}
	}

	/** A new key in the setting's form. */
	static String generate() {
		byte[] bytes = new byte[KEY_BYTES];
		new SecureRandom().nextBytes(bytes);
		return Base64.getEncoder().encodeToString(bytes);
	}

	private static AesGcmKey aesGcm(byte[] material, int id) throws GeneralSecurityException {
		AesGcmParameters parameters = AesGcmParameters.builder()
			.setKeySizeBytes(KEY_BYTES)
			.setIvSizeBytes(12)
			.setTagSizeBytes(16)
			.setVariant(AesGcmParameters.Variant.TINK)
			.build();
		return AesGcmKey.builder()
			.setParameters(parameters)
			.setKeyBytes(SecretBytes.copyFrom(material, InsecureSecretKeyAccess.get()))
			.setIdRequirement(id)
			.build();
	}

	/**
	 * A key's id in the keyset, derived from its bytes so that it stays the same across
	 * restarts and instances (ciphertexts carry it).
	 */
	private static int idOf(byte[] material) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			digest.update("costlens provider key id".getBytes(StandardCharsets.US_ASCII));
			return ByteBuffer.wrap(digest.digest(material)).getInt() & 0x7fffffff;
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] decode(String key) {
		byte[] bytes;
		try {
			bytes = Base64.getDecoder().decode(key);
		}
		catch (IllegalArgumentException ex) {
			try {
				bytes = Base64.getUrlDecoder().decode(key);
			}
			catch (IllegalArgumentException notBase64) {
				throw new IllegalStateException("costlens.providers.encryption-key: a key is not base64");
			}
		}
		if (bytes.length != KEY_BYTES) {
			throw new IllegalStateException("costlens.providers.encryption-key: each key must be 32 bytes "
					+ "(base64 of 32 random bytes), one has " + bytes.length);
		}
		return bytes;
	}

	private static String fromFile(Path file) {
		try {
			if (Files.exists(file)) {
				return Files.readString(file).strip();
			}
			String key = generate();
			try {
				Files.createFile(file,
						PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
			}
			catch (UnsupportedOperationException ex) {
				Files.createFile(file);
			}
			Files.writeString(file, key + "\n");
			log.info("Generated the provider-key encryption key in {}; set COSTLENS_PROVIDERS_ENCRYPTION_KEY "
					+ "to its content before running more than one instance", file);
			return key;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read or create " + file, ex);
		}
	}

}
