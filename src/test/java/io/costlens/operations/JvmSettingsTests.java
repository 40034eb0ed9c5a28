package io.costlens.operations;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every launch path the project ships starts Costlens with the same JVM settings, the
 * ones the README's "Memory" section documents and the soak and request-path benchmarks
 * measure: {@code ./mvnw spring-boot:run} (the Maven plugin's JVM arguments), the
 * container image and the Kubernetes ConfigMap ({@code JAVA_TOOL_OPTIONS}), each with
 * {@code MALLOC_ARENA_MAX=2}.
 */
class JvmSettingsTests {

	static final String SHIPPED = "-Xms64m -Xmx256m -XX:NewRatio=3 -XX:+UseSerialGC -XX:MetaspaceSize=128m "
			+ "-XX:TrimNativeHeapInterval=5000 -XX:-TieredCompilation -XX:CompileThresholdScaling=0.2 -XX:+ExitOnOutOfMemoryError";

	@Test
	void everyLaunchPathCarriesTheShippedSettings() throws IOException {
		List<Path> files = List.of(Path.of("pom.xml"), DeploymentFiles.DOCKERFILE,
				DeploymentFiles.KUBERNETES.resolve("configmap.yaml"), Path.of("README.md"),
				Path.of("bench/soak/run.sh"), Path.of("bench/request-path/run.sh"));
		for (Path file : files) {
			assertThat(Files.readString(DeploymentFiles.ROOT.resolve(file))).as(file.toString()).contains(SHIPPED);
		}
	}

	@Test
	void theMavenPluginPassesThemToTheApplication() throws IOException {
		String pom = Files.readString(DeploymentFiles.ROOT.resolve("pom.xml"));

		assertThat(pom)
			.contains("<jvmArguments>-XX:+UnlockExperimentalVMOptions -XX:+IgnoreUnrecognizedVMOptions " + SHIPPED
					+ "</jvmArguments>")
			.contains("<MALLOC_ARENA_MAX>2</MALLOC_ARENA_MAX>");
	}

	@Test
	void theImageAndTheConfigMapLimitMallocArenas() throws IOException {
		assertThat(Files.readString(DeploymentFiles.DOCKERFILE)).contains("MALLOC_ARENA_MAX=2");
		assertThat(Files.readString(DeploymentFiles.KUBERNETES.resolve("configmap.yaml")))
			.contains("MALLOC_ARENA_MAX: \"2\"");
	}

}
