package io.costlens.platform.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.util.AntPathMatcher;
import org.springframework.web.method.HandlerMethod;

import io.costlens.platform.ApiExample;

/**
 * Makes {@code /openapi.json} describe the wire format exactly: snake_case property names
 * (swagger reads the Java names), problem+json for every error, the credential each
 * operation needs and the errors that come with it, v1 marked deprecated, stable
 * operation ids, and the examples of {@link ApiExample}.
 */
final class ApiContract {

	static final String PROBLEM = "Problem";

	private static final AntPathMatcher PATHS = new AntPathMatcher();

	/** Open operations answer anyone, and read a credential when one is sent. */
	private static final List<SecurityRequirement> OPTIONAL_CREDENTIAL = List.of(new SecurityRequirement(),
			new SecurityRequirement().addList("apiKey"), new SecurityRequirement().addList("bearer"));

	private final List<String> open;

	private final List<String> secured;

	private final List<String> unlimited;

	private final JsonMapper json;

	ApiContract(List<String> open, List<String> secured, List<String> unlimited, JsonMapper json) {
		this.open = List.copyOf(open);
		this.secured = List.copyOf(secured);
		this.unlimited = List.copyOf(unlimited);
		this.json = json;
	}

	void customise(OpenAPI api) {
		if (api.getComponents() != null && api.getComponents().getSchemas() != null) {
			api.getComponents().getSchemas().values().forEach(ApiContract::snakeCase);
			api.getComponents().getSchemas().remove("ProblemDetail");
			api.getComponents().addSchemas(PROBLEM, problemSchema());
		}
		api.getPaths().forEach(this::customise);
	}

	Operation example(Operation operation, HandlerMethod handler) {
		ApiExample example = handler.getMethodAnnotation(ApiExample.class);
		if (example == null) {
			return operation;
		}
		if (!example.body().isEmpty() && operation.getRequestBody() != null
				&& operation.getRequestBody().getContent() != null) {
			Object body = this.json.readValue(example.body(), Object.class);
			operation.getRequestBody().getContent().values().forEach((media) -> media.setExample(body));
		}
		Map<String, String> values = new LinkedHashMap<>();
		for (String param : example.params()) {
			int eq = param.indexOf('=');
			values.put(param.substring(0, eq), param.substring(eq + 1));
		}
		if (operation.getParameters() != null) {
			for (Parameter parameter : operation.getParameters()) {
				String value = values.get(parameter.getName());
				if (value != null) {
					parameter.setExample(value);
				}
			}
		}
		if (example.status() != 0) {
			operation.addExtension("x-example-status", example.status());
		}
		return operation;
	}

	private void customise(String path, PathItem item) {
		item.readOperationsMap().forEach((method, operation) -> {
			operation.setOperationId(operationId(method, path));
			if (path.startsWith(V2Mappings.V1)) {
				operation.setDeprecated(true);
			}
			if (operation.getResponses() == null) {
				operation.setResponses(new ApiResponses());
			}
			if (isSecured(path)) {
				operation.getResponses()
					.computeIfAbsent("401",
							(code) -> new ApiResponse().description("unauthorized: no or a bad credential"));
				if (method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD) {
					operation.getResponses()
						.computeIfAbsent("403",
								(code) -> new ApiResponse().description("forbidden: the role may not write"));
				}
			}
			else {
				operation.setSecurity(OPTIONAL_CREDENTIAL);
			}
			if (!matches(this.unlimited, path)) {
				operation.getResponses()
					.computeIfAbsent("429",
							(code) -> new ApiResponse().description("rate_limited: retry after Retry-After"));
			}
			operation.getResponses().forEach(ApiContract::problemFor);
		});
	}

	private boolean isSecured(String path) {
		return !matches(this.open, path) && matches(this.secured, path);
	}

	private static boolean matches(List<String> patterns, String path) {
		String concrete = path.replaceAll("\\{[^}]+}", "x");
		return patterns.stream().anyMatch((p) -> PATHS.match(p, concrete));
	}

	private static void problemFor(String code, ApiResponse response) {
		if (code.startsWith("4") || code.startsWith("5")) {
			response.setContent(new Content().addMediaType("application/problem+json",
					new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
		}
	}

	private static String operationId(PathItem.HttpMethod method, String path) {
		StringBuilder id = new StringBuilder(method.name().toLowerCase(Locale.ROOT));
		for (String part : path.split("[/{}.-]+")) {
			if (!part.isEmpty()) {
				id.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
			}
		}
		return (path.equals("/")) ? id + "Root" : id.toString();
	}

	@SuppressWarnings({ "rawtypes", "unchecked" })
	static void snakeCase(@Nullable Schema schema) {
		if (schema == null) {
			return;
		}
		Map<String, Schema> properties = schema.getProperties();
		if (properties != null) {
			Map<String, Schema> renamed = new LinkedHashMap<>();
			properties.forEach((name, property) -> {
				snakeCase(property);
				renamed.put(Names.snake(name), property);
			});
			schema.setProperties(renamed);
		}
		List<String> required = schema.getRequired();
		if (required != null) {
			schema.setRequired(new ArrayList<>(required.stream().map(Names::snake).toList()));
		}
		snakeCase(schema.getItems());
		if (schema.getAdditionalProperties() instanceof Schema additional) {
			snakeCase(additional);
		}
	}

	@SuppressWarnings("rawtypes")
	private static Schema problemSchema() {
		Schema<Object> field = new ObjectSchema().addProperty("field", new StringSchema())
			.addProperty("message", new StringSchema());
		return new ObjectSchema().description("RFC 9457 problem, with the fields older clients read")
			.addProperty("type", new StringSchema().example("about:blank"))
			.addProperty("title", new StringSchema().example("Not Found"))
			.addProperty("status", new IntegerSchema().example(404))
			.addProperty("detail", new StringSchema().example("Scenario 0b5f… not found"))
			.addProperty("instance", new StringSchema().example("/api/v2/scenarios/0b5f…"))
			.addProperty("error", new StringSchema().example("not_found"))
			.addProperty("message", new StringSchema().example("Scenario 0b5f… not found"))
			.addProperty("status_code", new IntegerSchema().example(404))
			.addProperty("errors", new ArraySchema().items(field).description("each bad field, on 400 and 422"))
			.required(List.copyOf(Set.of("status", "error", "message", "status_code")));
	}

}
