package io.costlens.platform.observability;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.AutoConfigurationImportFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationMetadata;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Turns tracing on only when spans have somewhere to go: without
 * {@code management.opentelemetry.tracing.export.otlp.endpoint} (or the standard
 * {@code OTEL_EXPORTER_OTLP_ENDPOINT}, which Spring Boot maps onto it) the OpenTelemetry
 * SDK, the tracer, the span handlers and the JDBC observation proxy are left out
 * altogether, so no request pays for spans nobody receives and nothing tries to reach a
 * collector. The observations themselves (HTTP, jobs, OpenRouter calls) still feed the
 * metrics.
 */
public class TracingSwitch implements AutoConfigurationImportFilter, EnvironmentAware {

	/** The setting that turns tracing on: the collector's OTLP/HTTP traces URL. */
	public static final String ENDPOINT = "management.opentelemetry.tracing.export.otlp.endpoint";

	private static final List<String> TRACING = List.of("org.springframework.boot.micrometer.tracing.",
			"org.springframework.boot.opentelemetry.", "net.ttddyy.observation.boot.");

	private @Nullable Environment environment;

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	/** Whether spans are recorded and exported. */
	static boolean isOn(Environment environment) {
		String endpoint = environment.getProperty(ENDPOINT);
		return endpoint != null && !endpoint.isBlank();
	}

	@Override
	public boolean[] match(@Nullable String[] autoConfigurationClasses, AutoConfigurationMetadata metadata) {
		boolean on = this.environment != null && isOn(this.environment);
		boolean[] matches = new boolean[autoConfigurationClasses.length];
		for (int i = 0; i < matches.length; i++) {
			String name = autoConfigurationClasses[i];
			matches[i] = on || name == null || TRACING.stream().noneMatch(name::startsWith);
		}
		return matches;
	}

	/** Matches while tracing is on. */
	static class On implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return isOn(context.getEnvironment());
		}

	}

}
