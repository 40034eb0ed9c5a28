package io.costlens.scenarios;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class ScenariosPropertiesTests {

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withUserConfiguration(Properties.class);

	@Test
	void bindsTheGroupCommitSettingsNestedUnderIngest() {
		this.context
			.withPropertyValues("costlens.scenarios.ingest.group-commit.max-batch-size=7",
					"costlens.scenarios.ingest.group-commit.retry-backoff=5ms",
					"costlens.scenarios.ingest.max-batch-messages=20")
			.run((context) -> {
				ScenariosProperties.Ingest ingest = context.getBean(ScenariosProperties.class).ingest();
				assertThat(ingest.groupCommit().maxBatchSize()).isEqualTo(7);
				assertThat(ingest.groupCommit().retryBackoff()).isEqualTo(Duration.ofMillis(5));
				assertThat(ingest.groupCommit().capacity()).isEqualTo(50_000);
				assertThat(ingest.groupCommit().maxAttempts()).isEqualTo(3);
				assertThat(ingest.maxBatchMessages()).isEqualTo(20);
			});
	}

	@Test
	void refusesAQueueThatCannotHoldOneWholeBatch() {
		this.context
			.withPropertyValues("costlens.scenarios.ingest.group-commit.capacity=100",
					"costlens.scenarios.ingest.max-batch-messages=101")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("must hold a whole batch"));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(ScenariosProperties.class)
	static class Properties {

	}

}
