package io.costlens.operations;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

import io.costlens.IntegrationTest;
import io.costlens.TestApi;
import io.costlens.operations.DeploymentFiles.Port;
import io.costlens.operations.DeploymentFiles.Probe;
import io.costlens.operations.DeploymentFiles.Variable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Dockerfile, docker-compose.yml and the Kubernetes base name only probe paths, ports
 * and environment variables the service has: the probes answer a running Costlens without
 * a credential, every port is its default port, every variable is one of its settings
 * (its configuration metadata).
 */
@IntegrationTest
class DeploymentManifestsIntegrationTests {

	/** Variables read by the JVM itself or the C library under it, not by the service. */
	private static final Set<String> JVM_VARIABLES = Set.of("JAVA_TOOL_OPTIONS", "MALLOC_ARENA_MAX");

	@Autowired
	TestApi api;

	@Test
	void everyProbeAnswersWithoutACredential() {
		List<Probe> probes = DeploymentFiles.probes();

		assertThat(probes).extracting(Probe::path)
			.contains("/api/v2/health/startup", "/api/v2/health/live", "/api/v2/health/ready", "/ready");
		for (Probe probe : probes) {
			assertThat(this.api.get(probe.path()).anonymous().send().status()).as(probe.toString()).isEqualTo(200);
		}
	}

	@Test
	void everyPortIsTheServicesDefaultPort() {
		int port = defaultServerPort();
		List<Port> ports = DeploymentFiles.ports();

		assertThat(port).isEqualTo(8000);
		assertThat(ports).hasSizeGreaterThanOrEqualTo(6);
		assertThat(ports).allSatisfy((p) -> assertThat(p.port()).as(p.source()).isEqualTo(port));
		assertThat(DeploymentFiles.probes()).allSatisfy((p) -> assertThat(p.port()).as(p.source()).isEqualTo(port));
	}

	@Test
	void everyEnvironmentVariableIsASettingOfTheService() {
		Set<String> settings = environmentNamesOfSettings();
		List<Variable> variables = DeploymentFiles.variables();

		assertThat(variables).extracting(Variable::name)
			.contains("SPRING_DATASOURCE_URL", "COSTLENS_JWT_SECRET", "COSTLENS_REDIS_URL", "COSTLENS_DATA_DIR");
		assertThat(variables).filteredOn((v) -> !JVM_VARIABLES.contains(v.name()))
			.filteredOn((v) -> !settings.contains(v.name()))
			.as("variables that are no setting of the service")
			.isEmpty();
	}

	@Test
	void theSecretTemplateHoldsEveryKeyTheDeploymentReads() {
		assertThat(DeploymentFiles.secretTemplateKeys())
			.containsExactlyInAnyOrderElementsOf(DeploymentFiles.secretKeysRead());
	}

	private static int defaultServerPort() {
		try {
			List<PropertySource<?>> sources = new YamlPropertySourceLoader().load("application",
					new ClassPathResource("application.yml"));
			return Integer.parseInt(String.valueOf(sources.get(0).getProperty("server.port")));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Every property of the configuration metadata on the class path (the service's own
	 * and Spring Boot's), in both environment-variable forms Spring binds, and every
	 * variable {@code application.yml} names in a placeholder
	 * ({@code ${COSTLENS_JWT_SECRET:}}).
	 */
	private static Set<String> environmentNamesOfSettings() {
		JsonMapper json = JsonMapper.builder().build();
		Set<String> names = new TreeSet<>();
		try {
			for (URL url : Collections.list(DeploymentManifestsIntegrationTests.class.getClassLoader()
				.getResources("META-INF/spring-configuration-metadata.json"))) {
				try (InputStream in = url.openStream()) {
					for (JsonNode property : json.readTree(in).path("properties")) {
						String name = property.get("name").asString().toUpperCase().replace('.', '_');
						names.add(name.replace("-", ""));
						names.add(name.replace('-', '_'));
					}
				}
			}
			String yaml = new ClassPathResource("application.yml").getContentAsString(StandardCharsets.UTF_8);
			Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)").matcher(yaml).results().forEach((m) -> names.add(m.group(1)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return names;
	}

}
