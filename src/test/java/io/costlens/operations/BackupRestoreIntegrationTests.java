package io.costlens.operations;

import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code deploy/backup/verify-restore.sh} against the build's PostgreSQL and packaged
 * jar: a database filled through the API, dumped and restored into a new one, answers the
 * same counts, metrics, stats, logs and audit verification. Runs with the PostgreSQL
 * tests.
 */
class BackupRestoreIntegrationTests {

	private static final Path SCRIPT = DeploymentFiles.ROOT.resolve("deploy/backup/verify-restore.sh");

	@Test
	void aRestoredDumpAnswersLikeTheDatabaseItWasTakenFrom() throws Exception {
		String url = System.getenv("COSTLENS_TEST_POSTGRES_URL");
		assumeTrue("postgres".equals(System.getProperty("costlens.test.database")) && url != null,
				"backup and restore check runs with the PostgreSQL tests (COSTLENS_TEST_POSTGRES_URL): SKIPPED");
		assumeTrue(Files.isExecutable(Path.of("/usr/bin/pg_dump")) && Files.isExecutable(Path.of("/usr/bin/curl")),
				"pg_dump or curl is not installed: backup and restore check SKIPPED");
		URI server = URI.create(url.substring("jdbc:".length()));

		ProcessBuilder builder = new ProcessBuilder("bash", SCRIPT.toString()).redirectErrorStream(true);
		Map<String, String> env = builder.environment();
		env.put("PGHOST", server.getHost());
		env.put("PGPORT", String.valueOf((server.getPort() > 0) ? server.getPort() : 5432));
		env.put("PGUSER", System.getenv().getOrDefault("COSTLENS_TEST_POSTGRES_USER", "postgres"));
		env.put("PGDATABASE", server.getPath().substring(1));
		env.put("JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
		env.put("PORT", String.valueOf(freePort()));
		env.put("WORK", DeploymentFiles.ROOT.resolve("target/backup-check").toString());
		Process process = builder.start();
		String output = new String(process.getInputStream().readAllBytes());
		assertThat(process.waitFor(10, TimeUnit.MINUTES)).isTrue();

		assertThat(process.exitValue()).as(output).isZero();
		assertThat(output).contains("Restore verified").contains("scenario_logs 301").contains("predictions 200");
	}

	private static int freePort() throws Exception {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
