package io.costlens.platform.health;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;

import io.costlens.OwnH2Database;
import io.costlens.TestApi;
import io.costlens.TestApi.Response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Readiness follows the database: an H2 file database that is shut down and whose folder
 * is replaced by a plain file is a database that does not answer.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = {
				"spring.datasource.url=jdbc:h2:file:${java.io.tmpdir}/costlens-ready-${random.uuid}/db"
						+ OwnH2Database.OPTIONS,
				OwnH2Database.NO_SCHEMA, OwnH2Database.USER, "spring.datasource.hikari.connection-timeout=500" })
@Import(TestApi.class)
@DirtiesContext
class ReadinessIntegrationTests {

	@Autowired
	TestApi api;

	@Autowired
	DataSource dataSource;

	@Test
	void reportsNotReadyWhileTheDatabaseIsUnreachable() throws Exception {
		assertThat(this.api.get("/ready").anonymous().send().status()).isEqualTo(200);

		Path folder = takeDatabaseAway();

		// the background probe notices without a call of /ready
		await().atMost(Duration.ofSeconds(3))
			.until(() -> "degraded".equals(this.api.get("/health").anonymous().send().json().get("status").asString()));
		assertThat(this.api.get("/health").anonymous().send().json().get("database").get("status").asString())
			.isEqualTo("down");
		Response ready = this.api.get("/ready").anonymous().send();
		assertThat(ready.status()).isEqualTo(503);
		assertThat(ready.contentType()).startsWith("application/problem+json");
		assertThat(ready.json().get("database").asString()).isEqualTo("down");
		assertThat(this.api.get("/api/v2/health/ready").anonymous().send().status()).isEqualTo(503);
		assertThat(this.api.get("/health").anonymous().send().json().get("status").asString()).isEqualTo("degraded");
		assertThat(this.api.get("/api/v2/health/live").anonymous().send().status()).isEqualTo(200);
		assertThat(folder).isRegularFile();
	}

	private Path takeDatabaseAway() throws Exception {
		Connection connection = this.dataSource.getConnection();
		String url = connection.getMetaData().getURL();
		connection.createStatement().execute("SHUTDOWN");
		try {
			connection.close();
		}
		catch (SQLException ex) {
			// the pool cannot reset a connection of a database that was shut down
		}
		Path folder = Path.of(url.replaceFirst("^jdbc:h2:file:", "").replaceFirst(";.*$", "")).getParent();
		try (Stream<Path> files = Files.walk(folder)) {
			files.sorted(Comparator.reverseOrder()).forEach((p) -> p.toFile().delete());
		}
		// A plain file where the folder was: H2 can neither open nor re-create the
		// database.
		Files.writeString(folder, "not a database");
		return folder;
	}

}
