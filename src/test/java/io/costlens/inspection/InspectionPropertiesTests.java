package io.costlens.inspection;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

class InspectionPropertiesTests {

	private static final String ROCKETS = "🚀🔥 deploy done ✅";

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withUserConfiguration(TokenCounterConfiguration.class);

	@Test
	void countsInCl100kBaseUnlessConfigured() {
		this.context.run((context) -> assertThat(context.getBean(TokenCounter.class).count(ROCKETS)).isEqualTo(10));
	}

	@Test
	void countsInTheConfiguredEncoding() {
		this.context.withPropertyValues("costlens.inspection.encoding=o200k_base")
			.run((context) -> assertThat(context.getBean(TokenCounter.class).count(ROCKETS)).isEqualTo(6));
	}

	@Test
	void refusesToStartWithAnUnknownEncoding() {
		this.context.withPropertyValues("costlens.inspection.encoding=p50k_base")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("p50k_base"));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(InspectionProperties.class)
	@Import(TokenCounter.class)
	static class TokenCounterConfiguration {

	}

}
