package io.costlens;

import java.net.URLEncoder;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import io.costlens.TestApi.Response;
import io.costlens.TestUsers.User;
import io.costlens.platform.ApiPaths;

import static io.costlens.AuthorizationMatrixIntegrationTests.Access.ADMIN;
import static io.costlens.AuthorizationMatrixIntegrationTests.Access.OPEN;
import static io.costlens.AuthorizationMatrixIntegrationTests.Access.READ;
import static io.costlens.AuthorizationMatrixIntegrationTests.Access.SELF;
import static io.costlens.AuthorizationMatrixIntegrationTests.Access.WRITE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may call what, for every operation of {@code /openapi.json} and every endpoint the
 * document leaves out (the job dashboard, actuator, WebSockets): each is called as an
 * anonymous client, a viewer, a member and an admin, and the private resources (API keys,
 * provider keys, reports) also as another user. Viewers never write, members never reach
 * admin operations, and another user's private resource is 404, so its id is not
 * confirmed.
 * <p>
 * <b>Adding an endpoint?</b> Give it a rule in {@link #RULES} (or {@link #UNDOCUMENTED}
 * for one the OpenAPI document leaves out): {@code OPEN} (anyone), {@code READ} (any
 * signed-in role), {@code SELF} (any signed-in role, its own account: only under
 * {@code /api/v2/auth/}), {@code WRITE} (members and admins) or {@code ADMIN}; mark it
 * {@code .privateTo(fixture)} when its {@code {id}} is a resource of one user. Declare
 * the path in the module's {@code EndpointRules} (admin-only, open, self-service) or
 * check the role in the module. Until it has a rule this test fails, naming it.
 */
@IntegrationTest
@TestPropertySource(properties = { "server.forward-headers-strategy=native",
		// provider-key syncs and validations reach no real server (the matrix calls them)
		"costlens.providers.openrouter.base-url=http://127.0.0.1:9/api/v1",
		"costlens.providers.openrouter.max-attempts=1" })
class AuthorizationMatrixIntegrationTests {

	/** Who may call an operation. */
	enum Access {

		/** Anyone, without a credential. */
		OPEN,

		/** Every signed-in role; anonymous callers get 401. */
		READ,

		/** Every signed-in role, on its own account, viewers included. */
		SELF,

		/** Members and admins; viewers get 403, anonymous callers 401. */
		WRITE,

		/** Admins only; members and viewers get 403, anonymous callers 401. */
		ADMIN

	}

	/**
	 * An operation's rule.
	 *
	 * @param access who may call it
	 * @param owned for an operation on one user's resource: makes such a resource as the
	 * given owner and answers its id; {@code null} for shared or id-less operations
	 * @param body the body to send instead of the document's example (e.g. one that does
	 * not change the caller's password)
	 */
	record Rule(Access access, @Nullable Fixture owned, @Nullable String body) {

		Rule privateTo(Fixture fixture) {
			return new Rule(this.access, fixture, this.body);
		}

		Rule sending(String body) {
			return new Rule(this.access, this.owned, body);
		}

	}

	/** Makes a private resource owned by a user and answers its id. */
	interface Fixture {

		String create(AuthorizationMatrixIntegrationTests test, User owner);

	}

	static final Fixture API_KEY = (test, owner) -> test.api.post("/api/v2/api-keys", "{\"name\":\"private\"}")
		.as(owner.apiKey())
		.send()
		.json()
		.get("id")
		.asString();

	static final Fixture PROVIDER_KEY = (test, owner) -> test.api
		.post("/api/keys",
				"{\"name\":\"private\",\"key\":\"sk-or-v1-" + UUID.randomUUID().toString().replace("-", "")
						+ "0123456789abcdef\"}")
		.as(owner.apiKey())
		.send()
		.json()
		.get("id")
		.asString();

	static final Fixture REPORT = (test, owner) -> {
		String scenario = test.api.post("/api/v2/scenarios", "{\"name\":\"report-of-" + UUID.randomUUID() + "\"}")
			.send()
			.json()
			.get("id")
			.asString();
		return test.api.post("/api/v2/scenarios/" + scenario + "/reports", "{\"format\":\"csv\"}")
			.as(owner.apiKey())
			.send()
			.json()
			.get("report_id")
			.asString();
	};

	private static Rule rule(Access access) {
		return new Rule(access, null, null);
	}

	/** The rule of every documented operation, by {@code METHOD path}. */
	static final Map<String, Rule> RULES = new LinkedHashMap<>();

	static {
		// platform: service information, probes, the v1 deprecation guide
		RULES.put("GET /", rule(OPEN));
		RULES.put("GET /health", rule(OPEN));
		RULES.put("GET /ready", rule(OPEN));
		RULES.put("GET /api/v2/health/live", rule(OPEN));
		RULES.put("GET /api/v2/health/ready", rule(OPEN));
		RULES.put("GET /api/v2/health/startup", rule(OPEN));
		RULES.put("GET /api/v2/health/info", rule(ADMIN));
		// the metrics summary: what /actuator/prometheus shows, to every signed-in role
		// (scrape keys are viewers)
		RULES.put("GET /api/v2/health/metrics", rule(READ));
		RULES.put("GET /api/v2/cache/stats", rule(ADMIN));
		RULES.put("GET /api/deprecation", rule(OPEN));
		// accounts: signing in is open, the caller's own account is self-service
		RULES.put("POST /auth/token", rule(OPEN));
		RULES.put("POST /api/v2/auth/login", rule(OPEN));
		RULES.put("POST /auth/refresh", rule(OPEN));
		RULES.put("POST /api/v2/auth/refresh", rule(OPEN));
		RULES.put("POST /api/v2/auth/password-reset", rule(OPEN));
		RULES.put("POST /api/v2/auth/password-reset/confirm", rule(OPEN));
		// registration is closed unless configured: admins only (anonymous 401, others
		// 403)
		RULES.put("POST /api/v2/auth/register", rule(ADMIN));
		RULES.put("GET /api/v2/auth/me", rule(SELF));
		RULES.put("POST /api/v2/auth/logout", rule(SELF));
		// a new password too short to be accepted: the caller's password stays, nothing
		// is counted
		RULES.put("POST /api/v2/auth/password",
				rule(SELF).sending("{\"current_password\":\"whatever\",\"new_password\":\"short\"}"));
		RULES.put("GET /api/v2/api-keys", rule(READ));
		RULES.put("POST /api/v2/api-keys", rule(WRITE));
		RULES.put("GET /api/v2/api-keys/{id}", rule(READ).privateTo(API_KEY));
		RULES.put("DELETE /api/v2/api-keys/{id}", rule(WRITE).privateTo(API_KEY));
		RULES.put("GET /api/v2/users", rule(ADMIN));
		RULES.put("GET /api/v2/users/{id}", rule(ADMIN));
		RULES.put("PATCH /api/v2/users/{id}", rule(ADMIN));
		// audit
		RULES.put("GET /api/v2/audit", rule(ADMIN));
		RULES.put("GET /api/v2/audit/verify", rule(ADMIN));
		// pricing: the catalog is read by all, changed by admins
		RULES.put("GET /api/v1/pricing", rule(READ));
		RULES.put("POST /api/v1/pricing", rule(ADMIN));
		RULES.put("PUT /api/v1/pricing/{id}", rule(ADMIN));
		// scenarios and ingestion: shared by every user of the installation
		RULES.put("GET /api/v1/scenarios", rule(READ));
		RULES.put("POST /api/v1/scenarios", rule(WRITE));
		RULES.put("GET /api/v1/scenarios/{id}", rule(READ));
		RULES.put("PUT /api/v1/scenarios/{id}", rule(WRITE));
		RULES.put("DELETE /api/v1/scenarios/{id}", rule(WRITE));
		RULES.put("POST /api/v1/scenarios/{id}/start", rule(WRITE));
		RULES.put("POST /api/v1/scenarios/{id}/stop", rule(WRITE));
		RULES.put("POST /api/v1/scenarios/{id}/archive", rule(WRITE));
		RULES.put("GET /api/v1/scenarios/{id}/logs", rule(READ));
		RULES.put("GET /api/v1/scenarios/{id}/metrics", rule(READ));
		RULES.put("POST /api/v2/scenarios/bulk", rule(WRITE));
		RULES.put("POST /api/v2/scenarios/bulk-delete", rule(WRITE));
		RULES.put("GET /api/v2/scenarios/{id}/summary", rule(READ));
		RULES.put("POST /ingest", rule(WRITE));
		RULES.put("POST /ingest/batch", rule(WRITE));
		RULES.put("POST /flush", rule(WRITE));
		// reports: requested on a shared scenario, private to whoever requested them
		RULES.put("GET /api/v2/scenarios/{id}/reports", rule(READ));
		RULES.put("POST /api/v2/scenarios/{id}/reports", rule(WRITE));
		RULES.put("GET /api/v2/reports/{id}/status", rule(READ).privateTo(REPORT));
		RULES.put("GET /api/v2/reports/{id}/download", rule(READ).privateTo(REPORT));
		// predictions: shared
		RULES.put("POST /api/v1/predict-log", rule(WRITE));
		RULES.put("POST /api/v1/predict-log/batch", rule(WRITE));
		RULES.put("GET /api/v1/predictions", rule(READ));
		RULES.put("GET /api/v1/predictions/{id}", rule(READ));
		RULES.put("DELETE /api/v1/predictions/{id}", rule(WRITE));
		RULES.put("GET /api/v1/stats", rule(READ));
		RULES.put("GET /api/v1/models", rule(READ));
		// providers: keys and their usage are private to their owner
		RULES.put("GET /api/keys", rule(READ));
		RULES.put("POST /api/keys", rule(WRITE));
		RULES.put("GET /api/keys/{id}", rule(READ).privateTo(PROVIDER_KEY));
		RULES.put("PATCH /api/keys/{id}", rule(WRITE).privateTo(PROVIDER_KEY));
		RULES.put("DELETE /api/keys/{id}", rule(WRITE).privateTo(PROVIDER_KEY));
		RULES.put("POST /api/keys/{id}/sync", rule(WRITE).privateTo(PROVIDER_KEY));
		RULES.put("POST /api/keys/{id}/validate", rule(WRITE).privateTo(PROVIDER_KEY));
		RULES.put("GET /api/usage", rule(READ));
		RULES.put("GET /api/usage/summary", rule(READ));
		// devlens: shared analytics of the installation's developers
		RULES.put("POST /api/traces", rule(WRITE));
		RULES.put("GET /api/traces/rejected", rule(READ));
		RULES.put("POST /api/github/import", rule(WRITE));
		RULES.put("GET /api/metrics", rule(READ));
		RULES.put("GET /api/metrics/raw", rule(READ));
		RULES.put("GET /api/sessions", rule(READ));
		RULES.put("GET /api/sessions/{sessionId}", rule(READ));
		RULES.put("GET /api/profile", rule(READ));
		RULES.put("GET /api/insights", rule(READ));
		// dashboard's API
		RULES.put("GET /api/v2/overview", rule(READ));
		// every v1 and unversioned route answers at /api/v2/... too, under the same rule
		new LinkedHashMap<>(RULES).forEach((operation, rule) -> {
			String method = operation.substring(0, operation.indexOf(' '));
			String twin = ApiPaths.v2Of(operation.substring(operation.indexOf(' ') + 1));
			if (twin != null) {
				RULES.putIfAbsent(method + " " + twin, rule);
			}
		});
	}

	/**
	 * Endpoints the OpenAPI document leaves out, with their rules. Every handler mapping
	 * outside the document, the dashboard's pages ({@code /ui/**}, with their own session
	 * security and tests) and the API documentation must be here.
	 */
	static final Map<String, Rule> UNDOCUMENTED = new LinkedHashMap<>();

	static {
		// the job dashboard (db-scheduler-ui) and its API
		for (String path : List.of("/db-scheduler", "/db-scheduler/index.html", "/db-scheduler/js/context-path.js",
				"/db-scheduler/history/all", "/db-scheduler/history/all/index.html", "/db-scheduler-api/config",
				"/db-scheduler-api/tasks/all", "/db-scheduler-api/tasks/details", "/db-scheduler-api/tasks/poll")) {
			UNDOCUMENTED.put("GET " + path, rule(ADMIN));
		}
		for (String path : List.of("/db-scheduler-api/tasks/rerun", "/db-scheduler-api/tasks/rerunGroup",
				"/db-scheduler-api/tasks/delete")) {
			UNDOCUMENTED.put("POST " + path, rule(ADMIN));
		}
		UNDOCUMENTED.put("GET /actuator", rule(READ));
		UNDOCUMENTED.put("GET /actuator/health", rule(READ));
		UNDOCUMENTED.put("GET /actuator/prometheus", rule(READ));
		UNDOCUMENTED.put("GET /ws/metrics", rule(READ));
		UNDOCUMENTED.put("GET /ws/sessions", rule(READ));
	}

	/** Paths of handler mappings that are not API operations. */
	private static final List<String> NOT_API = List.of("/ui", "/error", "/docs", "/swagger-ui", "/redoc",
			"/openapi.json", "/v3/api-docs", "/webjars", "/favicon.ico");

	private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	TestApi api;

	@Autowired
	TestUsers users;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	private User viewer;

	private User member;

	private User otherMember;

	private User otherViewer;

	@BeforeEach
	void createUsers() {
		this.viewer = this.users.create("viewer", "enterprise");
		this.member = this.users.create("member", "enterprise");
		this.otherMember = this.users.create("member", "enterprise");
		this.otherViewer = this.users.create("viewer", "enterprise");
	}

	@Test
	void givesEveryOperationARule() {
		Set<String> documented = documentedOperations().keySet();
		Set<String> missing = new TreeSet<>(documented);
		missing.removeAll(RULES.keySet());
		Set<String> gone = new TreeSet<>(RULES.keySet());
		gone.removeAll(documented);
		Set<String> undocumented = new TreeSet<>();
		this.mappings.getHandlerMethods().keySet().forEach((info) -> {
			for (String path : info.getPatternValues()) {
				if (NOT_API.stream().anyMatch(path::startsWith)) {
					continue;
				}
				Set<String> methods = new TreeSet<>();
				info.getMethodsCondition().getMethods().forEach((m) -> methods.add(m.name()));
				if (methods.isEmpty()) {
					methods.add("GET");
				}
				for (String method : methods) {
					String operation = method + " " + path;
					if (!documented.contains(operation) && !UNDOCUMENTED.containsKey(operation)) {
						undocumented.add(operation);
					}
				}
			}
		});

		assertThat(missing)
			.as("operations without a rule: add each to AuthorizationMatrixIntegrationTests.RULES "
					+ "(OPEN, READ, SELF, WRITE or ADMIN; .privateTo(fixture) for one user's resources), see its "
					+ "class comment")
			.isEmpty();
		assertThat(gone).as("rules of operations that no longer exist: remove them").isEmpty();
		assertThat(undocumented)
			.as("handlers missing from /openapi.json without a rule in AuthorizationMatrixIntegrationTests"
					+ ".UNDOCUMENTED")
			.isEmpty();
	}

	@Test
	void keepsTheRulesThemselvesSafe() {
		List<String> unsafe = new ArrayList<>();
		all().forEach((operation, rule) -> {
			boolean write = !operation.startsWith("GET ");
			if (write && rule.access() == READ) {
				unsafe.add(operation + ": a write declared READ would let viewers write");
			}
			if (rule.access() == SELF && !operation.contains(" /api/v2/auth/")) {
				unsafe.add(operation + ": only the caller's own account (/api/v2/auth/) is self-service");
			}
			if (rule.access() == OPEN && operation.contains("{")) {
				unsafe.add(operation + ": an open operation on a resource id");
			}
		});
		assertThat(unsafe).isEmpty();
	}

	@Test
	void answersEachRoleAsItsRuleSays() {
		Map<String, JsonNode> documented = documentedOperations();
		List<String> failures = new ArrayList<>();
		all().forEach((operation, rule) -> {
			JsonNode spec = documented.get(operation);
			for (Caller caller : Caller.values()) {
				boolean allowed = allowed(rule.access(), caller);
				Response response = send(operation, spec, rule, caller.key(this), null, allowed);
				String verdict = verdict(response);
				if (allowed && !verdict.equals("passed")) {
					failures.add(caller + " " + operation + ": " + verdict + " (" + response.status() + "), rule "
							+ rule.access() + " lets it through: " + abbreviate(response.body()));
				}
				boolean refused = (caller == Caller.ANONYMOUS) ? response.status() == 401 : verdict.equals("forbidden");
				if (!allowed && !refused) {
					failures.add(caller + " " + operation + ": " + response.status() + ", rule " + rule.access()
							+ " wants " + caller.refusal() + ": " + abbreviate(response.body()));
				}
			}
		});
		assertThat(failures).isEmpty();
	}

	@Test
	void hidesEveryUsersPrivateResourcesFromOtherUsers() {
		Map<String, JsonNode> documented = documentedOperations();
		List<String> failures = new ArrayList<>();
		RULES.forEach((operation, rule) -> {
			if (rule.owned() == null) {
				return;
			}
			JsonNode spec = documented.get(operation);
			boolean write = !operation.startsWith("GET ");
			String id = rule.owned().create(this, this.member);
			Response other = send(operation, spec, rule, this.otherMember.apiKey(), id, false);
			if (other.status() != 404) {
				failures.add("another member " + operation + ": " + other.status() + ", wants 404: "
						+ abbreviate(other.body()));
			}
			Response viewer = send(operation, spec, rule, this.otherViewer.apiKey(), id, false);
			int wanted = (write || rule.access() == WRITE) ? 403 : 404;
			if (viewer.status() != wanted) {
				failures.add("another viewer " + operation + ": " + viewer.status() + ", wants " + wanted);
			}
			Response owner = send(operation, spec, rule, this.member.apiKey(), id, false);
			if (owner.status() == 404 || owner.status() == 401 || owner.status() == 403) {
				failures.add("the owner " + operation + ": " + owner.status() + ": " + abbreviate(owner.body()));
			}
			String fresh = rule.owned().create(this, this.member);
			Response admin = send(operation, spec, rule, TestApi.ADMIN_KEY, fresh, false);
			if (admin.status() == 404 || admin.status() == 401 || admin.status() == 403) {
				failures.add("an admin " + operation + ": " + admin.status() + ": " + abbreviate(admin.body()));
			}
		});
		assertThat(failures).isEmpty();
	}

	@Test
	void listsOnlyTheCallersOwnKeysAndReports() {
		String apiKey = API_KEY.create(this, this.member);
		String providerKey = PROVIDER_KEY.create(this, this.member);
		String report = REPORT.create(this, this.member);
		String scenario = this.api.get("/api/v2/reports/" + report + "/status")
			.send()
			.json()
			.path("scenario_id")
			.asString();

		for (String list : List.of("/api/v2/api-keys", "/api/keys")) {
			Response own = this.api.get(list).as(this.otherMember.apiKey()).send();
			Response named = this.api.get(list + "?user_id=" + this.member.id()).as(this.otherMember.apiKey()).send();
			assertThat(own.status()).isEqualTo(200);
			assertThat(own.body()).doesNotContain(apiKey).doesNotContain(providerKey);
			assertThat(named.status()).as(list + "?user_id= of another user").isIn(403, 404);
			assertThat(named.body()).doesNotContain(apiKey).doesNotContain(providerKey);
		}
		Response reports = this.api.get("/api/v2/scenarios/" + scenario + "/reports")
			.as(this.otherMember.apiKey())
			.send();
		assertThat(reports.status()).isEqualTo(200);
		assertThat(reports.body()).doesNotContain(report);
		assertThat(this.api.get("/api/v2/scenarios/" + scenario + "/reports").as(this.member.apiKey()).send().body())
			.contains(report);
	}

	private static Map<String, Rule> all() {
		Map<String, Rule> all = new LinkedHashMap<>(RULES);
		all.putAll(UNDOCUMENTED);
		return all;
	}

	private static boolean allowed(Access access, Caller caller) {
		return switch (access) {
			case OPEN -> true;
			case READ, SELF -> caller != Caller.ANONYMOUS;
			case WRITE -> caller == Caller.MEMBER || caller == Caller.ADMIN;
			case ADMIN -> caller == Caller.ADMIN;
		};
	}

	/**
	 * What the security layer made of the request: {@code unauthenticated} (401 asking
	 * for a credential, or saying the one sent was not accepted), {@code forbidden} (403)
	 * or {@code passed} (anything else: the operation itself answered, with whatever it
	 * made of the request, a 401 of its own such as a bad refresh token included).
	 */
	private static String verdict(Response response) {
		if (response.status() == 403) {
			return "forbidden";
		}
		if (response.status() == 401 && (response.body().contains("Authentication required")
				|| response.body().contains("credentials were not accepted"))) {
			return "unauthenticated";
		}
		return "passed";
	}

	/** The callers of the matrix. */
	enum Caller {

		ANONYMOUS(null), VIEWER((t) -> t.viewer.apiKey()), MEMBER((t) -> t.member.apiKey()), ADMIN(null);

		private final @Nullable Function<AuthorizationMatrixIntegrationTests, String> key;

		Caller(@Nullable Function<AuthorizationMatrixIntegrationTests, String> key) {
			this.key = key;
		}

		@Nullable String key(AuthorizationMatrixIntegrationTests test) {
			if (this == ADMIN) {
				return TestApi.ADMIN_KEY;
			}
			return (this.key != null) ? this.key.apply(test) : null;
		}

		String refusal() {
			return (this == ANONYMOUS) ? "401" : "403";
		}

	}

	/**
	 * Sends the operation with the document's example body and parameters (or the rule's
	 * body), a made-up id unless one is given, from a client IP of its own (so neither
	 * the rate limit nor the login delays of one call reach another). A probe (a caller
	 * the rule lets through) adds a field no request has to the example, so the write is
	 * refused with 422 once past the security rules and stores nothing the examples of
	 * other tests would then collide with; a caller the rule refuses gets the example
	 * itself, so a role check made after the body is read (method security) still has a
	 * valid body to refuse.
	 */
	private Response send(String operation, @Nullable JsonNode spec, Rule rule, @Nullable String key,
			@Nullable String id, boolean probe) {
		String method = operation.substring(0, operation.indexOf(' '));
		String path = operation.substring(operation.indexOf(' ') + 1);
		StringBuilder query = new StringBuilder();
		List<String[]> headers = new ArrayList<>();
		if (spec != null) {
			for (JsonNode parameter : spec.path("parameters")) {
				String name = parameter.get("name").asString();
				String in = parameter.get("in").asString();
				if (in.equals("path")) {
					path = path.replace("{" + name + "}", (id != null) ? id : madeUp(parameter));
				}
				else if (parameter.has("example") || parameter.path("required").asBoolean()) {
					String value = parameter.has("example") ? parameter.get("example").asString() : madeUp(parameter);
					if (in.equals("query") && !name.equals("user_id")) {
						query.append(query.isEmpty() ? "?" : "&")
							.append(name)
							.append('=')
							.append(URLEncoder.encode(value, StandardCharsets.UTF_8));
					}
					else if (in.equals("header")) {
						headers.add(new String[] { name, name.equals("X-Scenario-ID") ? madeUp(parameter) : value });
					}
				}
			}
		}
		String body = (rule.body() != null) ? rule.body() : exampleBody(spec);
		if (probe && body != null && rule.body() == null && !method.equals("GET")) {
			body = withUnknownField(body);
		}
		if (operation.endsWith("/auth/token") || operation.endsWith("/auth/login")) {
			body = "{\"username\":\"" + this.member.username() + "\",\"password\":\"" + this.member.password() + "\"}";
		}
		if (operation.equals("POST /api/v2/auth/register")) {
			String name = "matrix-" + UUID.randomUUID().toString().substring(0, 8);
			body = "{\"username\":\"" + name + "\",\"email\":\"" + name
					+ "@example.com\",\"password\":\"long-enough-password\"}";
		}
		TestApi.Call call = this.api.request(method, path + query,
				(body != null) ? BodyPublishers.ofString(body) : BodyPublishers.noBody());
		if (body != null) {
			call.header("Content-Type", contentType(spec));
		}
		headers.forEach((h) -> call.header(h[0], h[1]));
		call.header("X-Forwarded-For", "10.16." + ThreadLocalRandom.current().nextInt(256) + "."
				+ ThreadLocalRandom.current().nextInt(1, 255));
		if (key == null) {
			call.anonymous();
		}
		else {
			call.as(key);
		}
		return call.send();
	}

	private static String withUnknownField(String body) {
		try {
			JsonNode json = JSON.readTree(body);
			JsonNode target = (json.isArray() && !json.isEmpty()) ? json.get(0) : json;
			if (target instanceof ObjectNode object) {
				object.put("matrix_probe", true);
				return json.toString();
			}
		}
		catch (JacksonException notJson) {
			// NDJSON or text: sent as it is
		}
		return body;
	}

	private static String madeUp(JsonNode parameter) {
		JsonNode schema = parameter.path("schema");
		if (schema.path("type").asString("").equals("integer")) {
			return "987654321";
		}
		return UUID.randomUUID().toString();
	}

	private static @Nullable String exampleBody(@Nullable JsonNode spec) {
		if (spec == null) {
			return null;
		}
		for (Map.Entry<String, JsonNode> media : spec.path("requestBody").path("content").properties()) {
			if (media.getValue().has("example")) {
				JsonNode example = media.getValue().get("example");
				return example.isString() ? example.asString() : example.toString();
			}
		}
		return spec.has("requestBody") ? "{}" : null;
	}

	private static String contentType(@Nullable JsonNode spec) {
		if (spec != null) {
			for (String media : spec.path("requestBody").path("content").propertyNames()) {
				return media;
			}
		}
		return "application/json";
	}

	private Map<String, JsonNode> documentedOperations() {
		JsonNode doc = this.api.get("/openapi.json").anonymous().send().json();
		Map<String, JsonNode> operations = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> path : doc.get("paths").properties()) {
			for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
				if (METHODS.contains(method.getKey())) {
					operations.put(method.getKey().toUpperCase() + " " + path.getKey(), method.getValue());
				}
			}
		}
		return operations;
	}

	private static String abbreviate(String text) {
		return (text.length() <= 200) ? text : text.substring(0, 200) + "…";
	}

}
