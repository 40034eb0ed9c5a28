package io.costlens;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.core.env.Environment;

/**
 * Calls the running application over real HTTP, as a client would.
 */
@TestComponent
public class TestApi {

	/** The admin API key every integration test context bootstraps with. */
	public static final String ADMIN_KEY = "clk_test-admin-key-0123456789abcdefghijkl";

	public static final String ADMIN_PASSWORD = "test-admin-password";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient client = HttpClient.newHttpClient();

	private final Environment environment;

	public TestApi(Environment environment) {
		this.environment = environment;
	}

	public Call get(String path) {
		return new Call("GET", path, BodyPublishers.noBody());
	}

	public Call delete(String path) {
		return new Call("DELETE", path, BodyPublishers.noBody());
	}

	public Call post(String path, String json) {
		return new Call("POST", path, BodyPublishers.ofString(json)).header("Content-Type", "application/json");
	}

	public Call put(String path, String json) {
		return new Call("PUT", path, BodyPublishers.ofString(json)).header("Content-Type", "application/json");
	}

	public Call patch(String path, String json) {
		return new Call("PATCH", path, BodyPublishers.ofString(json)).header("Content-Type", "application/json");
	}

	public Call request(String method, String path, BodyPublisher body) {
		return new Call(method, path, body);
	}

	public URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.environment.getProperty("local.server.port") + path);
	}

	/**
	 * One request being built. Without {@link #as} or {@link #anonymous} it carries the
	 * admin key.
	 */
	public final class Call {

		private final String method;

		private final String path;

		private final BodyPublisher body;

		private final List<String> headers = new ArrayList<>();

		private String apiKey = ADMIN_KEY;

		Call(String method, String path, BodyPublisher body) {
			this.method = method;
			this.path = path;
			this.body = body;
		}

		public Call header(String name, String value) {
			this.headers.add(name);
			this.headers.add(value);
			return this;
		}

		public Call as(String apiKey) {
			this.apiKey = apiKey;
			return this;
		}

		public Call anonymous() {
			this.apiKey = null;
			return this;
		}

		@Override
		public String toString() {
			return this.method + " " + this.path;
		}

		public Response send() {
			HttpRequest.Builder request = HttpRequest.newBuilder(uri(this.path)).method(this.method, this.body);
			if (this.apiKey != null) {
				request.header("X-API-Key", this.apiKey);
			}
			for (int i = 0; i < this.headers.size(); i += 2) {
				request.header(this.headers.get(i), this.headers.get(i + 1));
			}
			try {
				return new Response(TestApi.this.client.send(request.build(), BodyHandlers.ofString()));
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

	/** A response, with its body parsed as JSON on demand. */
	public record Response(HttpResponse<String> raw) {

		public int status() {
			return this.raw.statusCode();
		}

		public String body() {
			return this.raw.body();
		}

		public JsonNode json() {
			return JSON.readTree(this.raw.body());
		}

		public String header(String name) {
			return this.raw.headers().firstValue(name).orElse(null);
		}

		public String contentType() {
			return header("Content-Type");
		}

	}

}
