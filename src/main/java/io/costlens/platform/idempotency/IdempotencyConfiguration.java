package io.costlens.platform.idempotency;

import java.util.Map;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OperationCustomizer;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import io.costlens.platform.Idempotent;
import io.costlens.platform.Jobs;

/**
 * {@code Idempotency-Key} for the handlers marked
 * {@link io.costlens.platform.Idempotent}: keys live in the database (shared by every
 * instance) for {@code costlens.idempotency.ttl}; a recurring job deletes expired ones.
 */
@Configuration(proxyBeanMethods = false)
class IdempotencyConfiguration {

	private static final int DELETE_BATCH = 1000;

	private final IdempotencyKeys keys;

	private final IdempotencyProperties properties;

	IdempotencyConfiguration(JdbcClient jdbc, IdempotencyProperties properties) {
		this.keys = new IdempotencyKeys(jdbc, properties);
		this.properties = properties;
	}

	/**
	 * After security (the caller is known), around everything that handles the request.
	 */
	@Bean
	FilterRegistrationBean<IdempotencyFilter> idempotencyFilter() {
		FilterRegistrationBean<IdempotencyFilter> registration = new FilterRegistrationBean<>(
				new IdempotencyFilter(this.keys, this.properties));
		registration.setOrder(0);
		return registration;
	}

	/**
	 * Documents the header, and the answers it adds, on every operation that takes it.
	 */
	@Bean
	OperationCustomizer idempotencyKeyDocs() {
		return (operation, handler) -> {
			if (handler.hasMethodAnnotation(Idempotent.class)) {
				operation.addParametersItem(new HeaderParameter().name(IdempotencyFilter.HEADER)
					.required(false)
					.description("Makes a retry safe: the same key and request within 24 h answer the first "
							+ "response again (Idempotent-Replayed: true) and store nothing twice")
					.schema(new StringSchema().maxLength(IdempotencyInterceptor.MAX_KEY_LENGTH)));
				ApiResponses responses = operation.getResponses();
				if (responses != null) {
					responses.putIfAbsent("409", new ApiResponse()
						.description("conflict: a request with this Idempotency-Key is still in flight (Retry-After)"));
				}
			}
			return operation;
		};
	}

	/**
	 * A bean rather than this class implementing {@link WebMvcConfigurer}, so that MVC
	 * test slices, which pick up every {@code WebMvcConfigurer} class, need no database.
	 */
	@Bean
	WebMvcConfigurer idempotencyInterceptor() {
		return new WebMvcConfigurer() {

			@Override
			public void addInterceptors(InterceptorRegistry registry) {
				registry.addInterceptor(new IdempotencyInterceptor(IdempotencyConfiguration.this.keys,
						IdempotencyConfiguration.this.properties));
			}

		};
	}

	@Bean
	RecurringTask<Void> deleteExpiredIdempotencyKeys(Jobs jobs) {
		return jobs.recurring("idempotency-keys-delete-expired", this.properties.cleanupInterval(), () -> {
			long deleted = 0;
			int batch;
			do {
				batch = this.keys.deleteExpired(DELETE_BATCH);
				deleted += batch;
			}
			while (batch == DELETE_BATCH);
			return Map.of("deleted", deleted);
		});
	}

}
