package io.costlens.platform.web;

import java.net.URLEncoder;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfiguration;

import io.costlens.IntegrationTest;
import io.costlens.TestApi;
import io.costlens.TestApi.Response;
import io.costlens.TestUsers;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code /openapi.json} is the contract clients write code from, so it must say what the
 * API really reads and writes.
 */
@IntegrationTest
@ContextConfiguration(initializers = OpenApiContractIntegrationTests.OpenRouter.class)
class OpenApiContractIntegrationTests {

	/** The id the examples use wherever a resource's id goes. */
	private static final String EXAMPLE_ID = "3fa85f64-5717-4562-b3fc-2c963f66afa6";

	private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

	@Autowired
	TestApi api;

	@Autowired
	TestUsers users;

	@Test
	void namesEveryFieldAsTheWireDoes() {
		JsonNode doc = this.api.get("/openapi.json").anonymous().send().json();
		Set<String> camel = new TreeSet<>();
		for (Map.Entry<String, JsonNode> schema : doc.get("components").get("schemas").properties()) {
			collectCamelCase(schema.getKey(), schema.getValue(), camel);
		}

		assertThat(camel).isEmpty();
		assertThat(doc.get("components").get("schemas").has("JsonNode")).isFalse();
		assertThat(doc.get("paths").has("/error")).isFalse();
		assertThat(doc.toString()).doesNotContain("*/*");
	}

	@Test
	void documentsASummaryErrorsAndAnExampleForEveryOperation() {
		JsonNode doc = this.api.get("/openapi.json").anonymous().send().json();
		List<String> missing = new ArrayList<>();
		for (Operation op : operations(doc)) {
			if (op.spec().path("summary").asString("").isBlank()) {
				missing.add(op + ": summary");
			}
			if (op.spec().has("requestBody") && exampleBody(op) == null) {
				missing.add(op + ": example body");
			}
			if (mayFail(op) && op.spec()
				.get("responses")
				.properties()
				.stream()
				.noneMatch((r) -> r.getKey().startsWith("4") || r.getKey().startsWith("5"))) {
				missing.add(op + ": error responses");
			}
			for (JsonNode parameter : op.spec().path("parameters")) {
				if (parameter.path("required").asBoolean() && !parameter.has("example")) {
					missing.add(op + ": example for " + parameter.get("name").asString());
				}
			}
		}
		assertThat(missing).isEmpty();
	}

	@Test
	void answersEveryDocumentedExampleWithItsDocumentedStatus() {
		JsonNode doc = this.api.get("/openapi.json").anonymous().send().json();
		List<Operation> operations = new ArrayList<>(operations(doc).stream()
			.filter((op) -> !op.spec().path("deprecated").asBoolean())
			.sorted(Comparator.comparingInt(Operation::order))
			.toList());
		List<String> failures = new ArrayList<>();

		for (Operation op : operations) {
			Response response = send(op);
			int expected = expectedStatus(op);
			if (response.status() != expected) {
				failures.add(op + " answered " + response.status() + ", documented " + expected + ": "
						+ abbreviate(response.body()));
			}
			else {
				failures.addAll(undocumentedFields(doc, op, response));
			}
		}

		assertThat(failures).isEmpty();
		assertThat(operations).hasSizeGreaterThan(40);
	}

	@Test
	void describesTheV1RoutesAsDeprecatedWithTheV2Examples() {
		JsonNode paths = this.api.get("/openapi.json").anonymous().send().json().get("paths");

		JsonNode v1 = paths.get("/api/v1/scenarios").get("post");
		JsonNode v2 = paths.get("/api/v2/scenarios").get("post");

		assertThat(v1.get("deprecated").asBoolean()).isTrue();
		assertThat(v2.has("deprecated")).isFalse();
		assertThat(v1.get("requestBody")).isEqualTo(v2.get("requestBody"));
		assertThat(paths.get("/health").get("get").get("security").get(0)).isEmpty();
		assertThat(v2.get("security")).isNull();
	}

	@Test
	void answersTheOpenReadsWithoutACredential() {
		JsonNode doc = this.api.get("/openapi.json").anonymous().send().json();
		List<Operation> open = operations(doc).stream()
			.filter((op) -> op.method().equals("get") && op.spec().has("security"))
			.toList();

		assertThat(open).extracting(Operation::path).contains("/health", "/api/v2/health/live", "/api/deprecation");
		for (Operation op : open) {
			assertThat(this.api.get(op.path()).anonymous().send().status()).as(op.path()).isEqualTo(200);
		}
	}

	private Response send(Operation op) {
		String path = op.path();
		String body = exampleBody(op);
		if (path.contains("{id}")) {
			path = path.replace("{id}", fixtureFor(op));
		}
		for (JsonNode parameter : op.spec().path("parameters")) {
			if (parameter.get("in").asString().equals("path") && parameter.has("example")) {
				path = path.replace("{" + parameter.get("name").asString() + "}", parameter.get("example").asString());
			}
		}
		if (body != null && body.contains(EXAMPLE_ID)) {
			body = body.replace(EXAMPLE_ID, scenario("draft"));
		}
		if (body != null) {
			body = unique(op, body);
		}
		boolean asAnn = op.path().equals("/api/v2/auth/password") || op.path().equals("/api/v2/auth/logout");
		Map<String, String> annTokens = (asAnn || op.path().endsWith("/auth/refresh")) ? loginAnn() : Map.of();
		if (body != null && body.contains("\"refresh_token\"")) {
			body = body.replaceAll("\"refresh_token\":\"[^\"]*\"",
					"\"refresh_token\":\"" + annTokens.get("refresh_token") + "\"");
		}
		StringBuilder query = new StringBuilder();
		List<String[]> headers = new ArrayList<>();
		for (JsonNode parameter : op.spec().path("parameters")) {
			if (!parameter.has("example")) {
				continue;
			}
			String name = parameter.get("name").asString();
			String value = parameter.get("example").asString();
			switch (parameter.get("in").asString()) {
				case "query" -> query.append(query.isEmpty() ? "?" : "&")
					.append(name)
					.append('=')
					.append(URLEncoder.encode(value, StandardCharsets.UTF_8));
				case "header" ->
					headers.add(new String[] { name, name.equals("X-Scenario-ID") ? scenario("running") : value });
				default -> {
				}
			}
		}
		TestApi.Call call = this.api.request(op.method().toUpperCase(), path + query,
				(body != null) ? BodyPublishers.ofString(body) : BodyPublishers.noBody());
		if (body != null && headers.stream().noneMatch((h) -> h[0].equals("Content-Type"))) {
			call.header("Content-Type", "application/json");
		}
		headers.forEach((h) -> call.header(h[0], h[1]));
		if (asAnn) {
			call.anonymous().header("Authorization", "Bearer " + annTokens.get("access_token"));
		}
		return call.send();
	}

	/**
	 * The example with the values that must be unique in the database made unique to this
	 * run (scenario names; a price's region), so rows other tests, or an earlier run on
	 * the same database, left cannot make it a conflict.
	 */
	private static String unique(Operation op, String body) {
		String run = UUID.randomUUID().toString().substring(0, 8);
		if (op.method().equals("post") && (op.path().endsWith("/scenarios") || op.path().endsWith("/scenarios/bulk"))) {
			return body.replaceAll("\"name\":\"([^\"]+)\"", "\"name\":\"$1-" + run + "\"");
		}
		if (op.method().equals("post") && op.path().endsWith("/pricing")) {
			return body.replaceAll("\"region\":\"[^\"]+\"", "\"region\":\"example-" + run + "\"");
		}
		return body;
	}

	private String fixtureFor(Operation op) {
		String path = op.path();
		if (path.startsWith("/api/v2/scenarios/")) {
			if (path.endsWith("/stop")) {
				return scenario("running");
			}
			return path.endsWith("/archive") ? scenario("completed") : scenario("draft");
		}
		if (path.startsWith("/api/v2/reports/")) {
			return report(path.endsWith("/download"));
		}
		if (path.startsWith("/api/v2/pricing/")) {
			return this.api.post("/api/v2/pricing",
					"{\"service\":\"sqs\",\"region\":\"fx-" + UUID.randomUUID().toString().substring(0, 8)
							+ "\",\"tier\":\"standard\",\"price_per_unit\":\"0.4\",\"unit\":\"per_million_requests\","
							+ "\"effective_from\":\"2026-01-01T00:00:00Z\",\"source\":\"fixture\"}")
				.send()
				.json()
				.get("id")
				.asString();
		}
		if (path.startsWith("/api/v2/predictions/")) {
			return this.api
				.post("/api/v2/predict-log", "{\"model_name\":\"fixture\",\"duration_ms\":1,\"was_successful\":true}")
				.send()
				.json()
				.get("id")
				.asString();
		}
		if (path.startsWith("/api/v2/users/")) {
			return this.users.create("member", "free").id();
		}
		if (path.startsWith("/api/keys/") || path.startsWith("/api/v2/keys/")) {
			String key = "sk-or-v1-" + UUID.randomUUID().toString().replace("-", "") + "0123456789abcdef";
			return this.api.post("/api/keys", "{\"name\":\"fixture\",\"key\":\"" + key + "\"}")
				.send()
				.json()
				.get("id")
				.asString();
		}
		if (path.startsWith("/api/v2/api-keys/")) {
			return this.api.post("/api/v2/api-keys", "{\"name\":\"fixture\"}").send().json().get("id").asString();
		}
		throw new IllegalStateException("no fixture for " + op);
	}

	/**
	 * A local server playing OpenRouter, which answers every key as a valid ordinary key,
	 * so the provider examples that call it get their documented success.
	 */
	static final class OpenRouter implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		private static final WireMockServer SERVER = start();

		private static WireMockServer start() {
			WireMockServer server = new WireMockServer(
					WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
			server.start();
			server.stubFor(get(urlPathEqualTo("/api/v1/key")).willReturn(aResponse().withStatus(200)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"data\":{\"label\":\"sk-or-v1-abc...def\",\"limit\":100,\"limit_remaining\":74.5,"
						+ "\"usage\":25.5,\"usage_daily\":1.5,\"usage_weekly\":25.5,\"usage_monthly\":25.5,"
						+ "\"is_free_tier\":false,\"is_management_key\":false}}")));
			Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
			return server;
		}

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			TestPropertyValues
				.of("costlens.providers.openrouter.base-url=http://127.0.0.1:" + SERVER.port() + "/api/v1")
				.applyTo(context);
		}

	}

	private String scenario(String status) {
		String id = this.api.post("/api/v2/scenarios", "{\"name\":\"fixture-" + UUID.randomUUID() + "\"}")
			.send()
			.json()
			.get("id")
			.asString();
		if (!status.equals("draft")) {
			this.api.post("/api/v2/scenarios/" + id + "/start", "").send();
		}
		if (status.equals("completed")) {
			this.api.post("/api/v2/scenarios/" + id + "/stop", "").send();
		}
		return id;
	}

	/** A report of a new scenario, generated to the end when the example downloads it. */
	private String report(boolean completed) {
		String id = this.api.post("/api/v2/scenarios/" + scenario("draft") + "/reports", "{\"format\":\"csv\"}")
			.send()
			.json()
			.get("report_id")
			.asString();
		if (completed) {
			await().atMost(Duration.ofSeconds(60))
				.until(() -> this.api.get("/api/v2/reports/" + id + "/status")
					.send()
					.json()
					.get("status")
					.asString()
					.equals("completed"));
		}
		return id;
	}

	private Map<String, String> loginAnn() {
		JsonNode tokens = this.api
			.post("/api/v2/auth/login", "{\"username\":\"ann\",\"password\":\"correct-horse-battery-staple\"}")
			.anonymous()
			.send()
			.json();
		return Map.of("access_token", tokens.path("access_token").asString("none"), "refresh_token",
				tokens.path("refresh_token").asString("none"));
	}

	/**
	 * Whatever can go wrong: a body, a parameter or a credential; probes always answer.
	 */
	private static boolean mayFail(Operation op) {
		return op.spec().has("requestBody") || op.spec().has("parameters") || !op.spec().has("security");
	}

	private static int expectedStatus(Operation op) {
		if (op.spec().has("x-example-status")) {
			return op.spec().get("x-example-status").asInt();
		}
		return op.spec()
			.get("responses")
			.properties()
			.stream()
			.map(Map.Entry::getKey)
			.filter((code) -> code.startsWith("2"))
			.mapToInt(Integer::parseInt)
			.min()
			.orElse(200);
	}

	/** Top-level fields of the response that its documented schema does not name. */
	private static List<String> undocumentedFields(JsonNode doc, Operation op, Response response) {
		JsonNode schema = op.spec()
			.path("responses")
			.path(String.valueOf(response.status()))
			.path("content")
			.path("application/json")
			.path("schema");
		if (response.body().isEmpty() || !schema.has("$ref")) {
			return List.of();
		}
		String name = schema.get("$ref").asString().substring("#/components/schemas/".length());
		JsonNode documented = doc.get("components").get("schemas").get(name).path("properties");
		JsonNode actual = response.json();
		if (!actual.isObject() || documented.isEmpty()) {
			return List.of();
		}
		return actual.properties()
			.stream()
			.map(Map.Entry::getKey)
			.filter((field) -> !documented.has(field))
			.map((field) -> op + " answers field " + field + " that " + name + " does not document")
			.toList();
	}

	private static String exampleBody(Operation op) {
		for (Map.Entry<String, JsonNode> media : op.spec().path("requestBody").path("content").properties()) {
			if (media.getValue().has("example")) {
				JsonNode example = media.getValue().get("example");
				return example.isString() ? example.asString() : example.toString();
			}
		}
		return null;
	}

	private static void collectCamelCase(String schemaName, JsonNode schema, Set<String> camel) {
		for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
			if (!property.getKey().equals(property.getKey().toLowerCase())) {
				camel.add(schemaName + "." + property.getKey());
			}
			collectCamelCase(schemaName + "." + property.getKey(), property.getValue(), camel);
		}
		if (schema.has("items")) {
			collectCamelCase(schemaName + "[]", schema.get("items"), camel);
		}
	}

	private static List<Operation> operations(JsonNode doc) {
		List<Operation> operations = new ArrayList<>();
		for (Map.Entry<String, JsonNode> path : doc.get("paths").properties()) {
			for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
				if (METHODS.contains(method.getKey())) {
					operations.add(new Operation(method.getKey(), path.getKey(), method.getValue()));
				}
			}
		}
		return operations;
	}

	private static String abbreviate(String text) {
		return (text.length() <= 300) ? text : text.substring(0, 300) + "…";
	}

	record Operation(String method, String path, JsonNode spec) {

		/**
		 * Register first (the login examples log its user in), and the imports (the
		 * session, profile and KPI examples read what they stored), the password change
		 * last.
		 */
		int order() {
			if (this.path.equals("/api/v2/auth/register") || this.path.endsWith("/traces")
					|| this.path.endsWith("/github/import")) {
				return 0;
			}
			if (this.path.equals("/api/v2/auth/password")) {
				return 2;
			}
			return 1;
		}

		@Override
		public String toString() {
			return this.method.toUpperCase() + " " + this.path;
		}

	}

}
