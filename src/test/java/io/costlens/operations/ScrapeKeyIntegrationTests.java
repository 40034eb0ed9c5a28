package io.costlens.operations;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;

import io.costlens.IntegrationTest;
import io.costlens.TestApi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code deploy/compose/create-scrape-key.sh}, as the compose file runs it: it leaves a
 * key that may scrape and do nothing else, and keeps it when run again.
 */
@IntegrationTest
class ScrapeKeyIntegrationTests {

	private static final Path SCRIPT = DeploymentFiles.ROOT.resolve("deploy/compose/create-scrape-key.sh");

	@Autowired
	TestApi api;

	@Test
	void createsOnceAReadOnlyUnlimitedKeyThatScrapes(@TempDir Path dir) throws Exception {
		assumeTrue(Files.isExecutable(Path.of("/usr/bin/curl")), "curl is not installed: scrape-key test SKIPPED");
		Path keyFile = dir.resolve("keys/costlens-scrape-key");

		assertThat(run(keyFile)).contains("Wrote a new scrape key");
		String key = Files.readString(keyFile);
		assertThat(Files.getPosixFilePermissions(keyFile)).isEqualTo(PosixFilePermissions.fromString("r--------"));
		assertThat(scrape(key)).isEqualTo(200);
		assertThat(this.api.post("/api/v1/scenarios", "{\"name\":\"scraper-writes\"}").as(key).send().status())
			.isEqualTo(403);
		assertThat(this.api.get("/api/v2/auth/me").as(key).send().json().get("role").asString()).isEqualTo("viewer");

		assertThat(run(keyFile)).contains("still works");
		assertThat(Files.readString(keyFile)).isEqualTo(key);
	}

	private int scrape(String key) {
		return this.api.get("/actuator/prometheus")
			.anonymous()
			.header("Authorization", "Bearer " + key)
			.send()
			.status();
	}

	private String run(Path keyFile) throws Exception {
		ProcessBuilder builder = new ProcessBuilder("sh", SCRIPT.toString()).redirectErrorStream(true);
		Map<String, String> env = builder.environment();
		env.put("COSTLENS_URL", this.api.uri("").toString());
		env.put("COSTLENS_ADMIN_API_KEY", TestApi.ADMIN_KEY);
		env.put("KEY_FILE", keyFile.toString());
		env.put("SCRAPE_USER", "prometheus-test");
		Process process = builder.start();
		String output = new String(process.getInputStream().readAllBytes());
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(output).isZero();
		return output;
	}

}
