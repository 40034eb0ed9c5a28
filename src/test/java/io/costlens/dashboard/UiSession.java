package io.costlens.dashboard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import io.costlens.TestApi;
import io.costlens.TestUsers;

/**
 * A browser-like HTTP client (cookies, no redirects followed) for the dashboard's forms.
 */
public final class UiSession {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	final CookieManager cookies = new CookieManager();

	private final HttpClient client = HttpClient.newBuilder()
		.cookieHandler(this.cookies)
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	private final TestApi api;

	public UiSession(TestApi api) {
		this.api = api;
	}

	/** A session signed in as a new user of the role. */
	static UiSession signedIn(TestApi api, TestUsers users, String role) {
		TestUsers.User user = users.create(role, "free");
		UiSession session = new UiSession(api);
		session.signIn(user.username(), user.password());
		return session;
	}

	public HttpResponse<String> get(String path) {
		return send(HttpRequest.newBuilder(this.api.uri(path)).header("Accept", "text/html").GET().build());
	}

	/**
	 * Posts a form with the CSRF token of the page at {@code from}, naming that page as
	 * the referrer, as a browser does.
	 */
	HttpResponse<String> post(String from, String path, Map<String, String> fields) {
		Map<String, String> all = new LinkedHashMap<>(fields);
		all.put("_csrf", csrf(from));
		return postRaw(path, all, this.api.uri(from).toString());
	}

	HttpResponse<String> postRaw(String path, Map<String, String> fields) {
		return postRaw(path, fields, null);
	}

	private HttpResponse<String> postRaw(String path, Map<String, String> fields, @Nullable String referer) {
		String form = fields.entrySet()
			.stream()
			.map((e) -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		HttpRequest.Builder request = HttpRequest.newBuilder(this.api.uri(path))
			.header("Content-Type", "application/x-www-form-urlencoded");
		if (referer != null) {
			request.header("Referer", referer);
		}
		return send(request.POST(HttpRequest.BodyPublishers.ofString(form)).build());
	}

	public HttpResponse<String> signIn(String username, String password) {
		return post("/ui/login", "/ui/login", Map.of("username", username, "password", password));
	}

	String csrf(String page) {
		Matcher m = CSRF.matcher(get(page).body());
		if (!m.find()) {
			throw new IllegalStateException("no CSRF token on " + page);
		}
		return m.group(1);
	}

	public static URI location(HttpResponse<String> response) {
		return URI.create(response.headers().firstValue("Location").orElseThrow());
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return this.client.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
