package io.costlens.platform.web;

import java.util.List;
import java.util.stream.Stream;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import io.costlens.platform.EndpointRules;
import io.costlens.platform.TimeParam;

/**
 * The OpenAPI description at {@code /openapi.json}, Swagger UI at {@code /docs}, ReDoc at
 * {@code /redoc}.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocsConfiguration implements WebMvcConfigurer {

	static {
		SpringDocUtils.getConfig().replaceWithSchema(JsonNode.class, new ObjectSchema());
		SpringDocUtils.getConfig()
			.replaceWithSchema(TimeParam.class,
					new StringSchema().description("A date (YYYY-MM-DD, a whole UTC day) or a date-time with an "
							+ "offset (2026-12-01T10:00:00Z) or without one, meaning UTC"));
	}

	/** The paths that always need a credential (as the security set-up has them). */
	private static final List<String> SECURED = List.of("/api/**", "/actuator/**");

	@Bean
	ApiContract apiContract(List<EndpointRules> rules, JsonMapper json) {
		List<String> open = rules.stream().flatMap((r) -> r.open().stream()).toList();
		List<String> secured = Stream.concat(SECURED.stream(), rules.stream().flatMap((r) -> r.secured().stream()))
			.toList();
		List<String> unlimited = rules.stream().flatMap((r) -> r.unlimited().stream()).toList();
		return new ApiContract(open, secured, unlimited, json);
	}

	@Bean
	OpenApiCustomizer wireFormat(ApiContract contract) {
		return contract::customise;
	}

	@Bean
	OperationCustomizer examples(ApiContract contract) {
		return contract::example;
	}

	@Bean
	OpenAPI costlensOpenApi() {
		return new OpenAPI()
			.info(new Info().title("Costlens API")
				.description("Usage, tokens, latency and cost of LLM, ML-model and cloud workloads. "
						+ "Errors are application/problem+json with error, message and status_code fields.")
				.version("v1/v2"))
			.components(new Components()
				.addSecuritySchemes("apiKey",
						new SecurityScheme().type(SecurityScheme.Type.APIKEY)
							.in(SecurityScheme.In.HEADER)
							.name("X-API-Key"))
				.addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")))
			.addSecurityItem(new SecurityRequirement().addList("apiKey"))
			.addSecurityItem(new SecurityRequirement().addList("bearer"));
	}

	@Override
	public void addViewControllers(ViewControllerRegistry registry) {
		registry.addViewController("/redoc").setViewName("forward:/redoc.html");
	}

}
