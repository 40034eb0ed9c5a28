package io.costlens.operations;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PromQlTests {

	@Test
	void findsTheMetricsOfAnExpressionAndNothingElse() {
		String expression = """
				histogram_quantile(0.99, sum by (le, instance) (rate(http_server_requests_seconds_bucket{job="costlens",
				  uri!~"/ingest/batch|up"}[5m]))) / on (instance) group_left sum without (pool) (hikaricp_connections_max)
				  > 1e3 and up{job="costlens"} offset 5m unless disk_free_bytes[$__rate_interval] > bool 0.5""";

		assertThat(PromQl.metricNames(expression)).containsExactly("http_server_requests_seconds_bucket",
				"hikaricp_connections_max", "up", "disk_free_bytes");
	}

	@Test
	void readsGrafanaTemplateQueries() {
		assertThat(PromQl.metricNames("label_values(up{job=\"costlens\"}, instance)")).containsExactly("up");
	}

}
