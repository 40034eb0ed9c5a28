package io.costlens.platform.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The OpenAPI description at {@code /openapi.json}, Swagger UI at {@code /docs}, ReDoc at
 * {@code /redoc}.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocsConfiguration implements WebMvcConfigurer {

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
