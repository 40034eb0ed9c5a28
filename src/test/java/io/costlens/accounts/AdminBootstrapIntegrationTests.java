package io.costlens.accounts;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import io.costlens.OwnH2Database;
import io.costlens.TestApi;
import io.costlens.platform.DataDirectory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The first start on an empty database, each on a database and data folder of its own.
 */
class AdminBootstrapIntegrationTests {

	@Nested
	@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
			properties = { "spring.datasource.url=jdbc:h2:mem:bootstrap-random" + OwnH2Database.OPTIONS,
					OwnH2Database.NO_SCHEMA, OwnH2Database.USER,
					"costlens.data-dir=${java.io.tmpdir}/costlens-bootstrap-${random.uuid}", "costlens.admin.api-key=",
					"costlens.admin.password=" })
	@Import(TestApi.class)
	class WithNothingGiven {

		@Autowired
		TestApi api;

		@Autowired
		DataDirectory dataDirectory;

		@Autowired
		PasswordEncoder passwords;

		@Autowired
		JdbcClient jdbc;

		@Autowired
		AdminBootstrap bootstrap;

		@Test
		void writesRandomCredentialsOnlyTheOwnerCanRead() throws Exception {
			Path file = this.dataDirectory.resolve("initial-credentials.txt");
			List<String> lines = Files.readAllLines(file);

			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
			assertThat(lines).hasSize(3);
			assertThat(lines.get(0)).isEqualTo("username=admin");
			String password = lines.get(1).substring("password=".length());
			String apiKey = lines.get(2).substring("api_key=".length());
			assertThat(password).hasSizeGreaterThanOrEqualTo(20);
			assertThat(apiKey).startsWith("clk_").hasSizeGreaterThanOrEqualTo(40);

			String hash = this.jdbc.sql("select password_hash from users where username = 'admin'")
				.query(String.class)
				.single();
			assertThat(this.passwords.matches(password, hash)).isTrue();
			assertThat(this.api.get("/api/v2/auth/me").as(apiKey).send().json().get("role").asString())
				.isEqualTo("admin");
		}

		@Test
		void createsNothingOnLaterStarts() throws Exception {
			Path file = this.dataDirectory.resolve("initial-credentials.txt");
			String before = Files.readString(file);

			this.bootstrap.run(new DefaultApplicationArguments());

			assertThat(this.jdbc.sql("select count(*) from users").query(Long.class).single()).isOne();
			assertThat(this.jdbc.sql("select count(*) from api_keys").query(Long.class).single()).isOne();
			assertThat(Files.readString(file)).isEqualTo(before);
		}

	}

	@Nested
	@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
			"spring.datasource.url=jdbc:h2:mem:bootstrap-given" + OwnH2Database.OPTIONS, OwnH2Database.NO_SCHEMA,
			OwnH2Database.USER, "costlens.data-dir=${java.io.tmpdir}/costlens-bootstrap-${random.uuid}",
			"costlens.admin.password=automation-password-1", "costlens.admin.api-key=clk_automation-key-1234567890" })
	@Import(TestApi.class)
	class WithCredentialsFromTheEnvironment {

		@Autowired
		TestApi api;

		@Autowired
		DataDirectory dataDirectory;

		@Test
		void usesTheGivenPasswordAndKey() throws Exception {
			assertThat(Files.readAllLines(this.dataDirectory.resolve("initial-credentials.txt"))).containsExactly(
					"username=admin", "password=automation-password-1", "api_key=clk_automation-key-1234567890");
			assertThat(this.api.get("/api/v2/auth/me").as("clk_automation-key-1234567890").send().status())
				.isEqualTo(200);
		}

	}

}
