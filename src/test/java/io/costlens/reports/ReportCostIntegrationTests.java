package io.costlens.reports;

import java.util.concurrent.atomic.AtomicInteger;

import org.aopalliance.intercept.MethodInterceptor;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.aop.framework.Advised;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.costlens.OwnH2Database;
import io.costlens.TestApi;
import io.costlens.scenarios.Scenarios;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a large PDF costs: one metrics computation however many buckets, counted on a
 * database of its own (so that this context's job engine generates the report).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:report-cost" + OwnH2Database.OPTIONS, OwnH2Database.NO_SCHEMA,
				OwnH2Database.USER, "db-scheduler.polling-interval=250ms" })
@Import({ TestApi.class, ReportCostIntegrationTests.CountedMetrics.class })
class ReportCostIntegrationTests {

	@Autowired
	TestApi api;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CountedMetrics metrics;

	@Test
	void thePdfOf720HourlyBucketsCostsOneMetricsComputation() {
		String scenario = ReportFixtures.scenarioWithLogs(this.api, this.jdbc, 719);
		int before = this.metrics.calls.get();
		String report = ReportFixtures.request(this.api, TestApi.ADMIN_KEY, scenario,
				"{\"format\":\"pdf\",\"include_sections\":[\"summary\",\"costs\",\"logs\"]}");

		JsonNode status = ReportFixtures.finished(this.api, TestApi.ADMIN_KEY, report);

		assertThat(status.get("status").asString()).isEqualTo("completed");
		assertThat(this.api.get("/api/v1/scenarios/" + scenario + "/metrics").send().json().get("timeseries").size())
			.isEqualTo(720 * 4);
		assertThat(this.metrics.calls.get() - before).as("metrics calls for one PDF")
			.isEqualTo(1 + 1)
			.isLessThanOrEqualTo(20);
	}

	/** Counts every metrics computation asked of the scenarios module. */
	@TestConfiguration(proxyBeanMethods = false)
	static class CountedMetrics {

		final AtomicInteger calls = new AtomicInteger();

		@Bean
		static BeanPostProcessor countMetricsCalls(CountedMetrics counter) {
			return new BeanPostProcessor() {
				@Override
				public Object postProcessAfterInitialization(Object bean, String name) {
					if (bean instanceof Scenarios && bean instanceof Advised advised) {
						advised.addAdvice(0, (MethodInterceptor) (invocation) -> {
							if (invocation.getMethod().getName().equals("metrics")) {
								counter.calls.incrementAndGet();
							}
							return invocation.proceed();
						});
					}
					return bean;
				}
			};
		}

	}

}
