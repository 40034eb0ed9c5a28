package io.costlens;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * Two instances started at the same moment on one empty PostgreSQL database create one
 * first admin between them, and only that one prints and writes its one-time password.
 * Runs in the PostgreSQL build only, in a schema of its own (dropped afterwards).
 */
@ExtendWith(OutputCaptureExtension.class)
class TwoInstancesFirstStartIntegrationTests {

	private static final String CREATED = "Created the admin account on this empty database.";

	/**
	 * Holds both instances just before their start-up runners, so that both look at once.
	 */
	private static final CyclicBarrier BOTH_STARTED = new CyclicBarrier(2);

	@Test
	void createsOneFirstAdminAndShowsItsPasswordOnce(@TempDir Path data, CapturedOutput output) throws Exception {
		assumeThat(System.getProperty("costlens.test.database"))
			.as("two instances need the PostgreSQL test database (set COSTLENS_TEST_POSTGRES_URL, as .ci/run does)")
			.isEqualTo("postgres");
		String schema = System.getProperty("spring.flyway.schemas") + "_first_start";
		String url = System.getenv("COSTLENS_TEST_POSTGRES_URL") + "?currentSchema=" + schema;
		String secret = UUID.randomUUID() + "-" + UUID.randomUUID();
		List<ConfigurableApplicationContext> instances = new ArrayList<>();
		// a thread of its own for each start: both wait for each other, so neither may
		// queue
		// behind the other (or behind other tests' work) in the common pool
		ExecutorService starters = Executors
			.newThreadPerTaskExecutor(Thread.ofPlatform().name("first-start-", 0).factory());
		try {
			List<CompletableFuture<ConfigurableApplicationContext>> starting = new ArrayList<>();
			for (String node : new String[] { "node-a", "node-b" }) {
				String[] arguments = { "--spring.datasource.url=" + url, "--spring.flyway.schemas=" + schema,
						"--costlens.data-dir=" + data.resolve(node), "--costlens.accounts.jwt-secret=" + secret,
						// nothing given: both generate a password and a key of their own
						"--costlens.accounts.admin.password=", "--costlens.accounts.admin.api-key=" };
				starting
					.add(CompletableFuture.supplyAsync(() -> Instances.start(node, arguments, LineUp.class), starters));
			}
			for (CompletableFuture<ConfigurableApplicationContext> instance : starting) {
				instances.add(instance.get(5, TimeUnit.MINUTES));
			}

			JdbcClient jdbc = instances.get(0).getBean(JdbcClient.class);
			assertThat(jdbc.sql("select username from users").query(String.class).list()).containsExactly("admin");
			assertThat(jdbc.sql("select count(*) from api_keys").query(Integer.class).single()).isOne();

			// one account announced: two applications starting at once in one JVM may
			// each add a
			// console appender, so the console can show the same announcement twice
			assertThat(count(output.getAll(), CREATED)).as("admin account announced").isPositive();
			assertThat(Pattern.compile("password: ([A-Za-z0-9_-]{12,})")
				.matcher(output.getAll())
				.results()
				.map((found) -> found.group(1))
				.distinct()).as("passwords announced").hasSize(1);
			List<Path> written = new ArrayList<>();
			for (String node : new String[] { "node-a", "node-b" }) {
				Path file = data.resolve(node).resolve("initial-credentials.txt");
				if (Files.exists(file)) {
					written.add(file);
				}
			}
			assertThat(written).as("credential files written").hasSize(1);
			String credentials = Files.readString(written.get(0));
			String password = value(credentials, "password");
			String apiKey = value(credentials, "api_key");
			assertThat(output.getAll()).contains("password: " + password).contains("api key:  " + apiKey);

			for (ConfigurableApplicationContext instance : instances) {
				TestApi api = new TestApi(instance.getEnvironment());
				assertThat(api.post("/api/v2/auth/login", "{\"username\":\"admin\",\"password\":\"" + password + "\"}")
					.anonymous()
					.send()
					.status()).as("the printed password signs in").isEqualTo(200);
				assertThat(api.get("/api/v2/auth/me").as(apiKey).send().status()).as("the printed key works")
					.isEqualTo(200);
			}
		}
		finally {
			starters.shutdown();
			instances.forEach(ConfigurableApplicationContext::close);
			JdbcClient.create(new DriverManagerDataSource(System.getenv("COSTLENS_TEST_POSTGRES_URL"),
					System.getProperty("spring.datasource.username"), System.getProperty("spring.datasource.password")))
				.sql("drop schema if exists " + schema + " cascade")
				.update();
		}
	}

	private static int count(String text, String part) {
		int count = 0;
		for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
			count++;
		}
		return count;
	}

	private static String value(String properties, String name) {
		Matcher matcher = Pattern.compile("(?m)^" + name + "=(.+)$").matcher(properties);
		assertThat(matcher.find()).as(name).isTrue();
		return matcher.group(1);
	}

	/** Waits, once started, for the other instance, before the start-up runners run. */
	static class LineUp {

		@Bean
		ApplicationListener<ApplicationStartedEvent> lineUpBeforeRunners() {
			return (event) -> {
				try {
					BOTH_STARTED.await(Duration.ofMinutes(2).toSeconds(), TimeUnit.SECONDS);
				}
				catch (Exception ex) {
					throw new IllegalStateException("the other instance did not start", ex);
				}
			};
		}

	}

}
