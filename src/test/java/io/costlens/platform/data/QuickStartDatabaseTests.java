package io.costlens.platform.data;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class QuickStartDatabaseTests {

	private final QuickStartDatabase database = new QuickStartDatabase();

	@Test
	void choosesDurableH2UnderTheDataFolderWhenNoDatabaseIsConfigured() {
		MockEnvironment environment = new MockEnvironment().withProperty("costlens.data-dir", "/srv/costlens");

		this.database.postProcessEnvironment(environment, new SpringApplication());

		assertThat(environment.getProperty("spring.datasource.url"))
			.startsWith("jdbc:h2:file:/srv/costlens/costlens;MODE=PostgreSQL")
			.contains("WRITE_DELAY=0");
		assertThat(environment.getProperty(QuickStartDatabase.QUICK_START)).isEqualTo("true");
	}

	@Test
	void leavesAConfiguredDatabaseAlone() {
		MockEnvironment environment = new MockEnvironment().withProperty("spring.datasource.url",
				"jdbc:postgresql://db:5432/costlens");

		this.database.postProcessEnvironment(environment, new SpringApplication());

		assertThat(environment.getProperty("spring.datasource.url")).isEqualTo("jdbc:postgresql://db:5432/costlens");
		assertThat(environment.getProperty(QuickStartDatabase.QUICK_START)).isNull();
	}

	@Test
	void refusesTheProdProfileWithoutPostgres() {
		MockEnvironment environment = new MockEnvironment();
		environment.setActiveProfiles("prod");

		assertThatIllegalStateException()
			.isThrownBy(() -> this.database.postProcessEnvironment(environment, new SpringApplication()))
			.withMessageContaining("SPRING_DATASOURCE_URL");
	}

	@Test
	void refusesTheProdProfileOnH2() {
		MockEnvironment environment = new MockEnvironment().withProperty("spring.datasource.url", "jdbc:h2:mem:x");
		environment.setActiveProfiles("prod");

		assertThatIllegalStateException()
			.isThrownBy(() -> this.database.postProcessEnvironment(environment, new SpringApplication()));
	}

	@Test
	void namesHostAndDatabaseWithoutCredentials() {
		assertThat(DatabaseReport.location("jdbc:postgresql://app:secret@db.internal:5432/costlens?password=x"))
			.isEqualTo("db.internal:5432/costlens");
		assertThat(DatabaseReport.location("jdbc:h2:file:/srv/data/costlens;MODE=PostgreSQL"))
			.isEqualTo("/srv/data/costlens");
	}

}
