package io.costlens.accounts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.StringUtils;

import io.costlens.platform.DataDirectory;
import io.costlens.platform.Role;

/**
 * Creates the {@code admin} user and one unlimited admin API key on the first start
 * against an empty database, prints both once and writes them to
 * {@code initial-credentials.txt} (owner-only) in the data folder. Nothing has a default
 * password.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class AdminBootstrap implements ApplicationRunner {

	static final String CREDENTIALS_FILE = "initial-credentials.txt";

	private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

	private final UserRepository users;

	private final ApiKeyRepository keys;

	private final PasswordEncoder passwords;

	private final AccountsProperties.Admin admin;

	private final DataDirectory dataDirectory;

	private final TransactionTemplate transaction;

	private final ApiKeyAuthenticationProvider apiKeys;

	AdminBootstrap(UserRepository users, ApiKeyRepository keys, PasswordEncoder passwords,
			AccountsProperties properties, DataDirectory dataDirectory, TransactionTemplate transaction,
			ApiKeyAuthenticationProvider apiKeys) {
		this.users = users;
		this.keys = keys;
		this.apiKeys = apiKeys;
		this.passwords = passwords;
		this.admin = properties.admin();
		this.dataDirectory = dataDirectory;
		this.transaction = transaction;
	}

	@Override
	public void run(ApplicationArguments args) throws IOException {
		if (this.users.count() > 0) {
			return;
		}
		String password = given(this.admin.password(), 12, "COSTLENS_ADMIN_PASSWORD");
		String apiKey = given(this.admin.apiKey(), 24, "COSTLENS_ADMIN_API_KEY");
		boolean passwordGenerated = password == null;
		boolean keyGenerated = apiKey == null;
		String finalPassword = passwordGenerated ? randomPassword() : password;
		String finalKey = keyGenerated ? ApiKeyMaterial.generate() : apiKey;
		try {
			this.transaction.executeWithoutResult((status) -> create(finalPassword, finalKey));
		}
		catch (DuplicateKeyException ex) {
			log.info("Another instance created the admin account first");
			return;
		}
		// a call with the key made before it existed was cached as unknown
		this.apiKeys.forget(ApiKeyMaterial.hash(finalKey));
		Path file = writeCredentials(finalPassword, finalKey);
		log.warn("""

				================================================================
				 Created the admin account on this empty database.
				   username: admin
				   password: {}
				   api key:  {}
				 Saved to {} (readable by you only).
				 They are shown once: store them, then delete that file.
				================================================================""",
				passwordGenerated ? finalPassword : "(from COSTLENS_ADMIN_PASSWORD)",
				keyGenerated ? finalKey : "(from COSTLENS_ADMIN_API_KEY)", file);
	}

	private void create(String password, String apiKey) {
		Instant now = Instant.now();
		UUID adminId = UUID.randomUUID();
		this.users.insert(adminId, "admin", this.passwords.encode(password), Role.ADMIN, "enterprise", now);
		this.keys.insert(UUID.randomUUID(), adminId, "bootstrap admin key", apiKey, "unlimited", now);
	}

	private Path writeCredentials(String password, String apiKey) throws IOException {
		Path file = this.dataDirectory.resolve(CREDENTIALS_FILE);
		Files.deleteIfExists(file);
		try {
			Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		}
		catch (UnsupportedOperationException ex) {
			Files.createFile(file);
		}
		String content = "username=admin\npassword=" + password + "\napi_key=" + apiKey + "\n";
		Files.writeString(file, content, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
		return file;
	}

	private static String given(String value, int minLength, String variable) {
		if (!StringUtils.hasText(value)) {
			return null;
		}
		if (value.strip().length() < minLength) {
			throw new IllegalStateException(variable + " must be at least " + minLength + " characters long");
		}
		return value.strip();
	}

	private static String randomPassword() {
		byte[] bytes = new byte[18];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
