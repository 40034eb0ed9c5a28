package io.costlens.accounts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.util.StringUtils;

import io.costlens.platform.DataDirectory;

/**
 * The key that signs access tokens: from {@code costlens.accounts.jwt-secret} (or its
 * alias {@code costlens.security.jwt-secret}), or generated once and kept (owner-only) in
 * {@code jwt-secret} in the data folder. The {@code prod} profile, which may run several
 * instances, requires a configured secret: a generated one would differ per instance.
 */
final class JwtKeys {

	static final String FILE = "jwt-secret";

	static final String ALIAS = "costlens.security.jwt-secret";

	private static final Logger log = LoggerFactory.getLogger(JwtKeys.class);

	private JwtKeys() {
	}

	static SecretKey load(AccountsProperties properties, DataDirectory dataDirectory, Environment environment) {
		String secret = secret(properties, environment);
		if (secret != null) {
			return key(decode(secret));
		}
		if (environment.acceptsProfiles(Profiles.of("prod"))) {
			throw new IllegalStateException("The prod profile needs COSTLENS_JWT_SECRET "
					+ "(base64 of 32 random bytes, the same on every instance)");
		}
		return key(fromFile(dataDirectory.resolve(FILE)));
	}

	/**
	 * The configured secret: {@code costlens.accounts.jwt-secret}, or its alias
	 * {@code costlens.security.jwt-secret} (the specification's name); both may be given
	 * only when they agree.
	 */
	static @Nullable String secret(AccountsProperties properties, Environment environment) {
		String own = StringUtils.hasText(properties.jwtSecret()) ? properties.jwtSecret().strip() : null;
		String alias = Binder.get(environment).bind(ALIAS, String.class).map(String::strip).orElse(null);
		if (!StringUtils.hasText(alias)) {
			alias = null;
		}
		if (own != null && alias != null && !own.equals(alias)) {
			throw new IllegalStateException(
					"costlens.accounts.jwt-secret and " + ALIAS + " are both set and differ: set one of them");
		}
		return (own != null) ? own : alias;
	}

	static byte[] decode(String secret) {
		byte[] decoded = base64(secret);
		byte[] bytes = (decoded != null && decoded.length >= 32) ? decoded : secret.getBytes(StandardCharsets.UTF_8);
		if (bytes.length < 32) {
			throw new IllegalStateException(
					"costlens.accounts.jwt-secret must be at least 256 bits: " + "base64 of 32 bytes or 32 characters");
		}
		return bytes;
	}

	private static byte @Nullable [] base64(String secret) {
		try {
			return Base64.getDecoder().decode(secret);
		}
		catch (IllegalArgumentException ex) {
			try {
				return Base64.getUrlDecoder().decode(secret);
			}
			catch (IllegalArgumentException notBase64) {
				return null;
			}
		}
	}

	private static byte[] fromFile(Path file) {
		try {
			if (Files.exists(file)) {
				return decode(Files.readString(file).strip());
			}
			byte[] bytes = new byte[32];
			new SecureRandom().nextBytes(bytes);
			try {
				Files.createFile(file,
						PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
			}
			catch (UnsupportedOperationException ex) {
				Files.createFile(file);
			}
			Files.writeString(file, Base64.getEncoder().encodeToString(bytes) + "\n");
			log.info("Generated the access-token signing key in {}", file);
			return bytes;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read or create " + file, ex);
		}
	}

	private static SecretKey key(byte[] bytes) {
		SecretKey key = new SecretKeySpec(bytes, "HmacSHA256");
		Arrays.fill(bytes, (byte) 0);
		return key;
	}

}
