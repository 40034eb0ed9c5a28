package io.costlens.platform.data;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Chooses the database before anything connects: with no {@code spring.datasource.url}
 * the quick start gets an H2 file database under the data folder, in PostgreSQL mode and
 * with durable commits; the {@code prod} profile refuses to start on anything but
 * PostgreSQL.
 */
class QuickStartDatabase implements EnvironmentPostProcessor {

	static final String QUICK_START = "costlens.database.quick-start";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String url = environment.getProperty("spring.datasource.url");
		boolean prod = Arrays.asList(environment.getActiveProfiles()).contains("prod");
		if (prod && (url == null || !url.startsWith("jdbc:postgresql:"))) {
			throw new IllegalStateException("The prod profile runs on PostgreSQL only: set SPRING_DATASOURCE_URL "
					+ "(jdbc:postgresql://host:5432/db), SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD");
		}
		if (url == null) {
			Path dataDir = Path.of(environment.getProperty("costlens.data-dir", "./data")).toAbsolutePath().normalize();
			environment.getPropertySources()
				.addLast(new MapPropertySource("costlensQuickStartDatabase", Map.of("spring.datasource.url",
						h2Url(dataDir), "spring.datasource.username", "costlens", QUICK_START, "true")));
		}
	}

	/**
	 * The H2 URL of the quick start. {@code WRITE_DELAY=0} makes each commit reach the
	 * file before it returns; H2's default delay (500 ms) could lose acknowledged writes.
	 */
	static String h2Url(Path dataDir) {
		return "jdbc:h2:file:" + dataDir.resolve("costlens") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE"
				+ ";DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0";
	}

}
