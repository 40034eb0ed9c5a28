package io.costlens.platform.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URLEncoder;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

import io.costlens.IntegrationTest;
import io.costlens.TestApi;
import io.costlens.TestApi.Response;
import io.costlens.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Contract fuzzing: reads {@code /openapi.json} and sends every operation bad values for
 * each of its parameters and body fields (wrong types, empty, huge, control characters
 * and NUL, invalid UTF-8, non-ASCII headers, negative and overflowing numbers, deep
 * nesting, repeated keys, unknown fields, missing required fields) as an admin, a member,
 * a viewer and anonymously. No answer may be a 5xx, every 4xx is problem+json, and a
 * rejected request changes the row count of no table.
 */
@IntegrationTest
class ContractFuzzIntegrationTests {

	private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** Written by requests whatever their answer, or by the application's own jobs. */
	private static final Set<String> COUNTED_ANYWAY = Set.of("LOGIN_FAILURES", "SCHEDULED_TASKS",
			"FLYWAY_SCHEMA_HISTORY", "EVENT_PUBLICATION", "JOB_THROUGHPUT", "OUTBOUND_MAIL");

	/** Values for a path or query parameter that no parameter accepts as meant. */
	private static final List<String> BAD_PARAMETERS = List.of("", "%00", "%FF", "%C3%28", "a%0D%0Ab", "%E2%80%AE",
			"0x10", "-1", "-2147483649", "2147483647", "9223372036854775808", "1.5", "1e309", "NaN", "true",
			"%27%20or%201%3D1--", "x".repeat(5000), "%F0%9F%92%A5");

	private static final List<JsonNode> BAD_VALUES = List.of(NODES.stringNode(""), NODES.stringNode("12"),
			NODES.stringNode("nul\u0000esc\u001b[31mcr\rlf\nbidi\u202e"), NODES.stringNode("x".repeat(300_000)),
			NODES.numberNode(-1), NODES.numberNode(1.5), NODES.numberNode(Long.MAX_VALUE),
			NODES.numberNode(new java.math.BigInteger("99999999999999999999999999")), NODES.booleanNode(true),
			NODES.nullNode(), NODES.arrayNode(), NODES.objectNode(), NODES.stringNode("2026-02-30T25:61:00Z"),
			NODES.stringNode("../../etc/passwd"));

	@Autowired
	TestApi api;

	@Autowired
	TestUsers users;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Environment environment;

	@Test
	void answersEveryBadRequestWithAProblemAndChangesNothing() throws IOException {
		JsonNode doc = this.api.get("/openapi.json").anonymous().send().json();
		Map<String, String> roles = new LinkedHashMap<>();
		// an admin of its own: a throttle its bad requests earn never slows the bootstrap
		// admin of other tests
		roles.put("admin", this.users.create("admin", "free").apiKey());
		roles.put("member", this.users.create("member", "free").apiKey());
		roles.put("viewer", this.users.create("viewer", "free").apiKey());
		roles.put("anonymous", null);
		String scenario = this.api.post("/api/v2/scenarios", "{\"name\":\"fuzz-" + UUID.randomUUID() + "\"}")
			.send()
			.json()
			.get("id")
			.asString();
		List<String> failures = new ArrayList<>();
		int sent = 0;

		for (Operation op : operations(doc)) {
			Map<String, Long> before = rowCounts();
			boolean accepted = false;
			for (Probe request : requests(doc, op, scenario)) {
				for (Map.Entry<String, String> role : roles.entrySet()) {
					if (!role.getKey().equals("admin") && !request.everyRole()) {
						continue;
					}
					Response response = send(request, role.getValue());
					sent++;
					String what = role.getKey() + " " + request;
					if (response.status() >= 500) {
						failures.add(what + " answered " + response.status() + ": " + abbreviate(response.body()));
					}
					else if (response.status() >= 400
							&& !String.valueOf(response.contentType()).startsWith("application/problem+json")) {
						failures.add(what + " answered " + response.status() + " as " + response.contentType());
					}
					else if (response.status() < 400) {
						accepted = true;
						before = rowCounts();
					}
				}
			}
			if (!accepted) {
				Map<String, Long> after = rowCounts();
				if (!after.equals(before)) {
					failures.add(op + ": rejected requests changed row counts " + changed(before, after));
				}
			}
		}
		failures.addAll(rawHeaderProbes(scenario));

		assertThat(failures).isEmpty();
		assertThat(sent).isGreaterThan(2000);
	}

	/** Requests with bytes no HTTP client library sends: non-ASCII and control bytes. */
	private List<String> rawHeaderProbes(String scenario) throws IOException {
		List<String> failures = new ArrayList<>();
		String[] headers = { "X-Scenario-ID: " + scenario.substring(0, 8) + "\u00e9\u00e8",
				"X-API-Key: clk_\u00ff\u00fe", "Authorization: Bearer \u00e9.\u00e9.\u00e9",
				"X-Correlation-ID: \u00e9t\u00e9", "Idempotency-Key: \u00e9", "Accept-Language: \u00e9\u00e9",
				"X-Forwarded-For: \u00e9" };
		for (String header : headers) {
			for (String target : new String[] { "POST /ingest", "GET /api/v2/scenarios", "GET /health" }) {
				String answer = raw(target + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n" + header
						+ "\r\nContent-Length: 15\r\nConnection: close\r\n\r\n{\"message\":\"a\"}");
				String status = answer.length() >= 12 ? answer.substring(9, 12) : answer;
				if (!status.startsWith("4") || !answer.contains("application/problem+json")) {
					failures.add(target + " with " + header + " answered " + abbreviate(answer));
				}
			}
		}
		return failures;
	}

	private List<Probe> requests(JsonNode doc, Operation op, String scenario) {
		List<Probe> requests = new ArrayList<>();
		Map<String, String> path = new TreeMap<>();
		Map<String, String> query = new TreeMap<>();
		Map<String, String> headers = new TreeMap<>();
		for (JsonNode parameter : op.spec().path("parameters")) {
			String name = parameter.get("name").asString();
			String value = parameter.has("example") ? parameter.get("example").asString() : "1";
			switch (parameter.get("in").asString()) {
				case "path" -> path.put(name,
						name.equals("id") && op.path().contains("scenarios") ? scenario : UUID.randomUUID().toString());
				case "query" -> query.put(name, URLEncoder.encode(value, StandardCharsets.UTF_8));
				case "header" -> headers.put(name, name.equals("X-Scenario-ID") ? scenario : value);
				default -> {
				}
			}
		}
		String body = body(doc, op);
		Probe base = new Probe(op, path, query, headers, body, false);
		for (String name : path.keySet()) {
			for (String bad : BAD_PARAMETERS) {
				if (!bad.isEmpty() && !bad.contains("%0")) {
					requests.add(base.withPath(name, bad, bad.equals("0x10") || bad.equals("%FF")));
				}
			}
		}
		for (String name : query.keySet()) {
			for (String bad : BAD_PARAMETERS) {
				requests.add(base.withQuery(name, bad, bad.equals("%FF") || bad.equals("2147483647")));
			}
		}
		for (String name : headers.keySet()) {
			if (!name.equals("Content-Type")) {
				for (String bad : new String[] { "", "0x10", "x".repeat(5000), "-1", "%FF" }) {
					requests.add(base.withHeader(name, bad));
				}
			}
		}
		if (body != null) {
			for (String bad : new String[] { "", "{", "null", "[]", "\"text\"", "123", "{}", "[" + "[".repeat(3000),
					"{\"a\":" + "{\"a\":".repeat(2000) + "1" + "}".repeat(2001) }) {
				requests.add(base.withBody(bad, bad.equals("{")));
			}
			requests.addAll(fieldMutations(doc, op, base, body));
		}
		return requests;
	}

	private List<Probe> fieldMutations(JsonNode doc, Operation op, Probe base, String body) {
		List<Probe> requests = new ArrayList<>();
		JsonNode parsed = JSON.readTree(body);
		boolean array = parsed.isArray();
		JsonNode object = array ? parsed.path(0) : parsed;
		if (!object.isObject()) {
			return requests;
		}
		ObjectNode unknown = ((ObjectNode) object.deepCopy()).put("zz_unknown_field", 1);
		requests.add(base.withBody(wrap(unknown, array), true));
		requests.add(base.withBody(withInvalidUtf8(body), true));
		for (String field : object.propertyNames()) {
			String json = wrap(object, array);
			requests.add(base.withBody(
					json.replaceFirst("\\{", Matcher.quoteReplacement("{\"" + field + "\":" + object.get(field) + ",")),
					true));
			for (JsonNode bad : BAD_VALUES) {
				if (signsIn(op) && bad.isString() && bad.asString().length() < 1000 && !bad.asString().isEmpty()) {
					continue;
				}
				ObjectNode mutated = ((ObjectNode) object.deepCopy());
				mutated.set(field, bad);
				requests.add(base.withBody(wrap(mutated, array), bad.isString() && bad.asString().contains("\u0000")));
			}
		}
		for (String field : required(doc, op)) {
			ObjectNode missing = ((ObjectNode) object.deepCopy());
			missing.remove(field);
			requests.add(base.withBody(wrap(missing, array), false));
		}
		return requests;
	}

	/**
	 * Whether the operation checks credentials from its body. Well-formed wrong ones
	 * would count as failed sign-ins, which are throttled per client IP, and every test
	 * calls from 127.0.0.1: those get every other bad value.
	 */
	private static boolean signsIn(Operation op) {
		return op.path().contains("/auth/");
	}

	private static String wrap(JsonNode object, boolean array) {
		if (!array) {
			return object.toString();
		}
		ArrayNode items = NODES.arrayNode();
		items.add(object);
		return items.toString();
	}

	private static String withInvalidUtf8(String body) {
		return body.replaceFirst("\"([^\"]*)\"\\s*:\\s*\"", "\"$1\":\"\u0000INVALID");
	}

	private Response send(Probe request, String key) {
		byte[] body = (request.body() != null)
				? request.body().replace("\u0000INVALID", "").getBytes(StandardCharsets.UTF_8) : null;
		if (body != null && request.body().contains("\u0000INVALID")) {
			body = invalidUtf8(request.body());
		}
		TestApi.Call call = this.api.request(request.op().method().toUpperCase(), request.uri(),
				(body != null) ? BodyPublishers.ofByteArray(body) : BodyPublishers.noBody());
		if (body != null) {
			call.header("Content-Type", request.op().consumes());
		}
		request.headers().forEach(call::header);
		return (key != null) ? call.as(key).send() : call.anonymous().send();
	}

	private static byte[] invalidUtf8(String body) {
		byte[] utf8 = body.getBytes(StandardCharsets.UTF_8);
		byte[] marker = "\u0000INVALID".getBytes(StandardCharsets.UTF_8);
		for (int i = 0; i + marker.length <= utf8.length; i++) {
			boolean match = true;
			for (int j = 0; j < marker.length && match; j++) {
				match = utf8[i + j] == marker[j];
			}
			if (match) {
				utf8[i] = (byte) 0xFF;
				utf8[i + 1] = (byte) 0xC3;
				utf8[i + 2] = (byte) 0x28;
				return utf8;
			}
		}
		return utf8;
	}

	private Map<String, Long> rowCounts() {
		Map<String, Long> counts = new TreeMap<>();
		for (String table : this.jdbc.queryForList(
				"select table_name from information_schema.tables "
						+ "where lower(table_schema) = 'public' and table_type in ('BASE TABLE', 'TABLE')",
				String.class)) {
			String name = table.toUpperCase();
			if (!COUNTED_ANYWAY.contains(name)) {
				// the audit sealer moves entries from pending into the chain: count them
				// together
				String key = name.equals("AUDIT_PENDING") ? "AUDIT_LOG" : name;
				counts.merge(key, this.jdbc.queryForObject("select count(*) from " + table, Long.class), Long::sum);
			}
		}
		return counts;
	}

	private static String changed(Map<String, Long> before, Map<String, Long> after) {
		Map<String, String> changed = new TreeMap<>();
		after.forEach((table, count) -> {
			if (!count.equals(before.get(table))) {
				changed.put(table, before.get(table) + " -> " + count);
			}
		});
		return changed.toString();
	}

	private String raw(String request) throws IOException {
		int port = Integer.parseInt(this.environment.getProperty("local.server.port"));
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			InputStream in = socket.getInputStream();
			return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
		}
	}

	/** The example body, or one built from the schema's required fields. */
	private static String body(JsonNode doc, Operation op) {
		JsonNode content = op.spec().path("requestBody").path("content");
		for (Map.Entry<String, JsonNode> media : content.properties()) {
			if (media.getValue().has("example")) {
				JsonNode example = media.getValue().get("example");
				String text = example.isString() ? example.asString() : example.toString();
				return media.getKey().contains("json") && !media.getKey().contains("ndjson")
						? ownNames(JSON.readTree(text)).toString() : text;
			}
		}
		if (content.isEmpty()) {
			return null;
		}
		JsonNode schema = resolve(doc, content.properties().iterator().next().getValue().path("schema"));
		ObjectNode object = NODES.objectNode();
		for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
			String type = resolve(doc, property.getValue()).path("type").asString("string");
			switch (type) {
				case "integer", "number" -> object.put(property.getKey(), 1);
				case "boolean" -> object.put(property.getKey(), true);
				case "array" -> object.set(property.getKey(), NODES.arrayNode().add("x"));
				case "object" -> object.set(property.getKey(), NODES.objectNode());
				default -> object.put(property.getKey(), "fuzz");
			}
		}
		return schema.path("type").asString("").equals("array") ? "[" + object + "]" : object.toString();
	}

	/**
	 * The example with names of its own, so that a mutated body the API accepts creates
	 * nothing another test's example would then collide with, and logs in no real user
	 * (wrong passwords would throttle them).
	 */
	private static JsonNode ownNames(JsonNode node) {
		if (node instanceof ObjectNode object) {
			for (String field : List.copyOf(object.propertyNames())) {
				JsonNode value = object.get(field);
				String unique = UUID.randomUUID().toString().substring(0, 8);
				switch (field) {
					case "name", "username", "model_name" -> object.put(field, "fuzz-" + unique);
					case "email" -> object.put(field, "fuzz-" + unique + "@example.com");
					case "region" -> object.put(field, "fz-" + unique);
					default -> ownNames(value);
				}
			}
		}
		else if (node instanceof ArrayNode array) {
			array.forEach(ContractFuzzIntegrationTests::ownNames);
		}
		return node;
	}

	private static List<String> required(JsonNode doc, Operation op) {
		JsonNode content = op.spec().path("requestBody").path("content");
		if (content.isEmpty()) {
			return List.of();
		}
		JsonNode schema = resolve(doc, content.properties().iterator().next().getValue().path("schema"));
		if (schema.has("items")) {
			schema = resolve(doc, schema.get("items"));
		}
		List<String> required = new ArrayList<>();
		schema.path("required").forEach((r) -> required.add(r.asString()));
		return required;
	}

	private static JsonNode resolve(JsonNode doc, JsonNode schema) {
		if (schema.has("$ref")) {
			String name = schema.get("$ref").asString().substring("#/components/schemas/".length());
			return doc.get("components").get("schemas").path(name);
		}
		return schema;
	}

	private static List<Operation> operations(JsonNode doc) {
		List<Operation> operations = new ArrayList<>();
		for (Map.Entry<String, JsonNode> path : doc.get("paths").properties()) {
			for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
				if (METHODS.contains(method.getKey()) && !method.getValue().path("deprecated").asBoolean()) {
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

		String consumes() {
			var content = this.spec.path("requestBody").path("content");
			return content.isEmpty() ? "application/json" : content.propertyNames().iterator().next();
		}

		@Override
		public String toString() {
			return this.method.toUpperCase() + " " + this.path;
		}

	}

	/**
	 * One request of the fuzzing.
	 *
	 * @param everyRole whether it is sent as every role, not only as the admin
	 */
	record Probe(Operation op, Map<String, String> path, Map<String, String> query, Map<String, String> headers,
			String body, boolean everyRole) {

		Probe withPath(String name, String value, boolean everyRole) {
			Map<String, String> changed = new TreeMap<>(this.path);
			changed.put(name, value);
			return new Probe(this.op, changed, this.query, this.headers, this.body, everyRole);
		}

		Probe withQuery(String name, String value, boolean everyRole) {
			Map<String, String> changed = new TreeMap<>(this.query);
			changed.put(name, value);
			return new Probe(this.op, this.path, changed, this.headers, this.body, everyRole);
		}

		Probe withHeader(String name, String value) {
			Map<String, String> changed = new TreeMap<>(this.headers);
			changed.put(name, value);
			return new Probe(this.op, this.path, this.query, changed, this.body, false);
		}

		Probe withBody(String body, boolean everyRole) {
			return new Probe(this.op, this.path, this.query, this.headers, body, everyRole);
		}

		String uri() {
			String uri = this.op.path();
			for (Map.Entry<String, String> p : this.path.entrySet()) {
				uri = uri.replace("{" + p.getKey() + "}", p.getValue());
			}
			StringBuilder out = new StringBuilder(uri);
			for (Map.Entry<String, String> q : this.query.entrySet()) {
				out.append((out.indexOf("?") < 0) ? '?' : '&').append(q.getKey()).append('=').append(q.getValue());
			}
			return out.toString();
		}

		@Override
		public String toString() {
			String shown = (this.body != null) ? " " + abbreviate(this.body.replace("\u0000", "\\0")) : "";
			return this.op + " " + abbreviate(uri()) + shown;
		}

	}

}
