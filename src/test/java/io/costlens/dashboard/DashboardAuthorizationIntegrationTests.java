package io.costlens.dashboard;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import io.costlens.IntegrationTest;
import io.costlens.TestApi;
import io.costlens.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may open or post what under {@code /ui/}, for every page handler (the API's
 * {@code AuthorizationMatrixIntegrationTests} leaves the dashboard to this class): each
 * is called signed out, as a viewer, a member and an admin. Signed-out users reach only
 * the sign-in and password-reset pages; viewers never write (their preferences aside);
 * members never reach admin pages; and no page answers a 5xx, whatever the ids.
 * <p>
 * <b>Adding a page?</b> Give it a rule in {@link #RULES}; until it has one this test
 * fails, naming it.
 */
@IntegrationTest
class DashboardAuthorizationIntegrationTests {

	enum Access {

		/** Anyone, signed in or not. */
		OPEN,
		/** Any signed-in role. */
		READ,
		/** Any signed-in role, for their own preferences. */
		SELF,
		/** Members and admins. */
		WRITE,
		/** Admins. */
		ADMIN,
		/** The refusal page: 403 for every signed-in role. */
		REFUSAL

	}

	static final Map<String, Access> RULES = new LinkedHashMap<>();

	static {
		RULES.put("GET /ui", Access.READ);
		RULES.put("GET /ui/", Access.READ);
		RULES.put("GET /ui/login", Access.OPEN);
		RULES.put("GET /ui/forgot-password", Access.OPEN);
		RULES.put("POST /ui/forgot-password", Access.OPEN);
		RULES.put("GET /ui/reset-password", Access.OPEN);
		RULES.put("POST /ui/reset-password", Access.OPEN);
		RULES.put("GET /ui/denied", Access.REFUSAL);
		RULES.put("POST /ui/denied", Access.REFUSAL);
		RULES.put("POST /ui/preferences/locale", Access.SELF);
		RULES.put("POST /ui/preferences/tour", Access.SELF);
		RULES.put("POST /ui/preferences/shortcuts", Access.SELF);
		RULES.put("GET /ui/palette", Access.READ);
		RULES.put("GET /ui/scenarios", Access.READ);
		RULES.put("POST /ui/scenarios", Access.WRITE);
		RULES.put("GET /ui/scenarios/{id}", Access.READ);
		RULES.put("POST /ui/scenarios/{id}/{action:start|stop|archive|delete}", Access.WRITE);
		RULES.put("POST /ui/scenarios/{id}/reports", Access.WRITE);
		RULES.put("GET /ui/predictions", Access.READ);
		RULES.put("GET /ui/predictions/{name}", Access.READ);
		RULES.put("GET /ui/providers", Access.READ);
		RULES.put("POST /ui/providers", Access.WRITE);
		RULES.put("POST /ui/providers/{id}/validate", Access.WRITE);
		RULES.put("POST /ui/providers/{id}/sync", Access.WRITE);
		RULES.put("GET /ui/developers", Access.READ);
		RULES.put("GET /ui/developers/sessions", Access.READ);
		RULES.put("GET /ui/developers/sessions/{id}", Access.READ);
		RULES.put("GET /ui/developers/profile", Access.READ);
		RULES.put("GET /ui/reports", Access.READ);
		RULES.put("GET /ui/reports/{id}", Access.READ);
		RULES.put("GET /ui/reports/{id}/status", Access.READ);
		RULES.put("GET /ui/reports/{id}/download", Access.READ);
		RULES.put("GET /ui/prices", Access.READ);
		RULES.put("POST /ui/prices", Access.ADMIN);
		RULES.put("POST /ui/prices/{id}", Access.ADMIN);
		RULES.put("GET /ui/audit", Access.ADMIN);
		RULES.put("POST /ui/audit/verify", Access.ADMIN);
		RULES.put("GET /ui/users", Access.ADMIN);
		RULES.put("POST /ui/users", Access.ADMIN);
		RULES.put("GET /ui/users/{id}", Access.ADMIN);
		RULES.put("POST /ui/users/{id}", Access.ADMIN);
		RULES.put("POST /ui/users/{id}/keys", Access.ADMIN);
		RULES.put("POST /ui/users/{id}/keys/{key}/revoke", Access.ADMIN);
		RULES.put("POST /ui/demo", Access.ADMIN);
	}

	/**
	 * Posts an admin is not sent here: loading the demo data would fill the shared
	 * database when it happens to be empty ({@code DemoPagesIntegrationTests} has a
	 * database of its own for it).
	 */
	static final Set<String> NOT_AS_ADMIN = Set.of("POST /ui/demo");

	@Autowired
	TestApi api;

	@Autowired
	TestUsers users;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Test
	void givesEveryDashboardHandlerARule() {
		Set<String> handlers = new TreeSet<>();
		this.mappings.getHandlerMethods().keySet().forEach((info) -> {
			for (String path : info.getPatternValues()) {
				if (path.equals("/ui") || path.startsWith("/ui/")) {
					info.getMethodsCondition().getMethods().forEach((m) -> handlers.add(m.name() + " " + path));
					if (info.getMethodsCondition().getMethods().isEmpty()) {
						handlers.add("GET " + path);
					}
				}
			}
		});
		Set<String> missing = new TreeSet<>(handlers);
		missing.removeAll(RULES.keySet());
		Set<String> gone = new TreeSet<>(RULES.keySet());
		gone.removeAll(handlers);
		assertThat(missing).as("dashboard handlers without a rule in DashboardAuthorizationIntegrationTests.RULES")
			.isEmpty();
		assertThat(gone).as("rules of handlers that no longer exist: remove them").isEmpty();
	}

	@Test
	void refusesEveryPageToTheRolesItIsNotForAndNeverAnswers5xx() {
		UiSession anonymous = new UiSession(this.api);
		UiSession viewer = signedIn("viewer");
		UiSession member = signedIn("member");
		UiSession admin = signedIn("admin");
		List<String> wrong = new ArrayList<>();
		RULES.forEach((operation, access) -> {
			boolean get = operation.startsWith("GET ");
			String path = concrete(operation.substring(operation.indexOf(' ') + 1));
			check(wrong, operation, "signed out", call(anonymous, "/ui/login", get, path),
					(access == Access.OPEN) ? "allowed" : "sign-in");
			check(wrong, operation, "viewer", call(viewer, "/ui/", get, path), expected(access, Access.READ));
			check(wrong, operation, "member", call(member, "/ui/", get, path), expected(access, Access.WRITE));
			if (!NOT_AS_ADMIN.contains(operation)) {
				check(wrong, operation, "admin", call(admin, "/ui/", get, path), expected(access, Access.ADMIN));
			}
		});
		assertThat(wrong).as("answers that break the rules").isEmpty();
	}

	@Test
	void answersIdsThatAreNoIdsWithoutA5xx() {
		UiSession admin = signedIn("admin");
		List<String> wrong = new ArrayList<>();
		RULES.keySet().stream().filter((o) -> o.contains("{")).forEach((operation) -> {
			boolean get = operation.startsWith("GET ");
			String path = operation.substring(operation.indexOf(' ') + 1)
				.replaceAll("\\{action:[^}]*}", "start")
				.replaceAll("\\{[^}]*}", "not-an-id%20%25");
			int status = call(admin, "/ui/", get, path).statusCode();
			if (status >= 500) {
				wrong.add(operation + " with a bad id: " + status);
			}
		});
		assertThat(wrong).isEmpty();
	}

	/** What a role gets: allowed, or refused (403) when the page needs more. */
	private static String expected(Access access, Access role) {
		return switch (access) {
			case OPEN, READ, SELF -> "allowed";
			case REFUSAL -> "refused";
			case WRITE -> (role == Access.READ) ? "refused" : "allowed";
			case ADMIN -> (role == Access.ADMIN) ? "allowed" : "refused";
		};
	}

	private static void check(List<String> wrong, String operation, String who, HttpResponse<String> response,
			String expected) {
		int status = response.statusCode();
		String location = response.headers().firstValue("Location").orElse("");
		boolean toSignIn = status == 302 && location.endsWith("/ui/login");
		boolean ok = switch (expected) {
			case "allowed" -> status < 500 && status != 403 && !toSignIn;
			case "refused" -> status == 403;
			default -> toSignIn;
		};
		if (!ok) {
			wrong.add(operation + " as " + who + ": expected " + expected + ", got " + status + " " + location);
		}
	}

	/** A GET, or a POST with the CSRF token of the page {@code from}. */
	private static HttpResponse<String> call(UiSession session, String from, boolean get, String path) {
		return get ? session.get(path) : session.post(from, path, Map.of());
	}

	/** A path with made-up ids: the rule is checked before any lookup. */
	private static String concrete(String pattern) {
		return pattern.replaceAll("\\{action:[^}]*}", "start")
			.replace("{name}", "no-such-model")
			.replaceAll("\\{[^}]*}", UUID.randomUUID().toString());
	}

	private UiSession signedIn(String role) {
		return UiSession.signedIn(this.api, this.users, role);
	}

}
