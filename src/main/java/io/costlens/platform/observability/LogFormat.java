package io.costlens.platform.observability;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Switches the console to one JSON object per line (Spring Boot's structured logging,
 * Logstash layout) when {@code costlens.log-json} ({@code COSTLENS_LOG_JSON}) is true, or
 * when it is unset and the {@code prod} profile is active. Each line then carries the
 * logging context as fields: {@code correlation_id}, and {@code trace_id} and
 * {@code span_id} while a trace is recorded.
 */
class LogFormat implements EnvironmentPostProcessor {

	static final String JSON = "costlens.log-json";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String json = environment.getProperty(JSON);
		boolean prod = Arrays.asList(environment.getActiveProfiles()).contains("prod");
		boolean on = (json != null) ? Boolean.parseBoolean(json.strip()) : prod;
		if (!on || environment.containsProperty("logging.structured.format.console")) {
			return;
		}
		Map<String, Object> properties = new HashMap<>();
		properties.put("logging.structured.format.console", "logstash");
		properties.put("logging.structured.json.rename[traceId]", "trace_id");
		properties.put("logging.structured.json.rename[spanId]", "span_id");
		environment.getPropertySources().addLast(new MapPropertySource("costlensLogFormat", properties));
	}

}
