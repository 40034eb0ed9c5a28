package io.costlens;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

import io.costlens.TestApi.Response;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a hostile client found on the packaged jar, each kept out: every one a 4xx
 * problem+json, and nothing stored.
 */
@IntegrationTest
class HostileInputIntegrationTests {

	@Autowired
	TestApi api;

	@Autowired
	Environment environment;

	@ParameterizedTest
	@ValueSource(strings = { "/api/v2/scenarios?page=2147483647", "/api/v1/scenarios?page=2147483647&page_size=100",
			"/api/v2/scenarios/%s/logs?page=2147483647&page_size=100", "/api/v2/audit?page=2147483647&page_size=100",
			"/api/v2/users?page=2147483647&page_size=100", "/api/keys?page=2147483647&page_size=100",
			"/api/usage?page=2147483647&page_size=100", "/api/v2/scenarios/%s/reports?page=2147483647&page_size=100",
			"/api/sessions?page=2147483647&page_size=100", "/api/traces/rejected?page=2147483647&page_size=100",
			"/api/v2/predictions?offset=9223372036854775807&limit=100" })
	void answersAPageFarPastTheEndWithAnEmptyPageOrAClientError(String path) {
		Response response = this.api.get(path.formatted(scenario())).send();

		assertThat(response.status()).as(response.body()).isIn(200, 400, 422);
		if (response.status() != 200) {
			assertProblem(response);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/v2/predictions?model_name=%FF", "/api/v2/scenarios?q=%C3%28",
			"/api/v2/stats?model_name=%E2%82", "/health?x=%FF" })
	void refusesAQueryStringThatIsNotUtf8(String path) {
		Response response = this.api.get(path).send();

		assertThat(response.status()).isEqualTo(400);
		assertProblem(response);
	}

	@Test
	void refusesANonAsciiScenarioHeader() throws IOException {
		String answer = raw("POST /ingest HTTP/1.1\r\nHost: x\r\nX-API-Key: " + TestApi.ADMIN_KEY
				+ "\r\nContent-Type: application/json\r\nX-Scenario-ID: \u00e9t\u00e9\r\nContent-Length: 15\r\n"
				+ "Connection: close\r\n\r\n{\"message\":\"a\"}");

		assertThat(answer).startsWith("HTTP/1.1 400").contains("application/problem+json").contains("X-Scenario-ID");
	}

	@Test
	void readsIdsAsPlainDecimalNumbers() {
		for (String id : new String[] { "0x10", "#10", "010x", "1e3", "+-1", "99999999999999999999999" }) {
			Response response = this.api.get("/api/v2/predictions/" + id.replace("#", "%23")).send();

			assertThat(response.status()).as(id).isIn(400, 404);
			assertProblem(response);
		}
	}

	@Test
	void refusesNulInAnyQueryParameter() {
		for (String path : new String[] { "/api/v2/scenarios?q=%00", "/api/v2/pricing?region=%00",
				"/api/v2/audit?actor=a%00b", "/api/v2/profile?developer_id=%00" }) {
			Response response = this.api.get(path).send();

			assertThat(response.status()).as(path).isEqualTo(400);
			assertProblem(response);
			assertThat(response.body()).contains("NUL");
		}
		assertThat(this.api.get("/api/v2/scenarios?q=100%2500").send().status()).isEqualTo(200);
	}

	@Test
	void neverReadsAHexadecimalIdAsTheDecimalOne() {
		Response logged = this.api
			.post("/api/v2/predict-log", "{\"model_name\":\"hex-ids\",\"duration_ms\":5,\"was_successful\":true}")
			.send();
		long id = logged.json().get("id").asLong();

		assertThat(this.api.get("/api/v2/predictions/" + id).send().status()).isEqualTo(200);
		for (String spelled : new String[] { "0x" + Long.toHexString(id), "0X" + Long.toHexString(id),
				"%23" + Long.toHexString(id) }) {
			Response response = this.api.get("/api/v2/predictions/" + spelled).send();

			assertThat(response.status()).as(spelled).isEqualTo(400);
			assertProblem(response);
		}
		assertThat(this.api.get("/api/v2/scenarios?page=0x1").send().status()).isEqualTo(400);
	}

	@Test
	void answersABodyOverTheLargestLimitWith413() throws IOException {
		byte[] body = new byte[20 * 1024 * 1024];
		java.util.Arrays.fill(body, (byte) 'x');
		Response response = this.api.request("POST", "/ingest/batch", BodyPublishers.ofByteArray(body))
			.header("Content-Type", "application/x-ndjson")
			.header("X-Scenario-ID", scenario())
			.send();

		assertThat(response.status()).isEqualTo(413);
		assertProblem(response);
	}

	@ParameterizedTest
	@ValueSource(strings = { "nul\\u0000name", "esc\\u001b[31mred", "two\\nlines", "cr\\rhere", "bidi\\u202eevil",
			"isolate\\u2066x" })
	void refusesControlCharactersInScenarioText(String text) {
		String name = "hostile-" + UUID.randomUUID();
		for (String body : new String[] { "{\"name\":\"" + name + text + "\"}",
				"{\"name\":\"" + name + "\",\"description\":\"" + text + "\"}",
				"{\"name\":\"" + name + "\",\"tags\":[\"" + text + "\"]}" }) {
			Response response = this.api.post("/api/v2/scenarios", body).send();

			assertThat(response.status()).as(body).isEqualTo(422);
			assertProblem(response);
		}
		assertThat(this.api.get("/api/v2/scenarios?q=" + name).send().json().get("total").asLong()).isZero();
	}

	@Test
	void searchesForPercentAndUnderscoreLiterally() {
		String stamp = UUID.randomUUID().toString().substring(0, 8);
		create("like-" + stamp + "-100%_off");
		create("like-" + stamp + "-100xyoff");

		assertThat(total("like-" + stamp + "-100%25_")).isEqualTo(1);
		assertThat(total("like-" + stamp + "-1_0")).isZero();
		assertThat(total("like-" + stamp + "-100%25")).isEqualTo(1);
		assertThat(total("like-" + stamp)).isEqualTo(2);
	}

	private long total(String q) {
		return this.api.get("/api/v2/scenarios?q=" + q).send().json().get("total").asLong();
	}

	private void create(String name) {
		assertThat(this.api.post("/api/v2/scenarios", "{\"name\":\"" + name + "\"}").send().status()).isEqualTo(201);
	}

	private String scenario() {
		Response created = this.api.post("/api/v2/scenarios", "{\"name\":\"hostile-" + UUID.randomUUID() + "\"}")
			.send();
		return created.json().get("id").asString();
	}

	/** Sends bytes no HTTP client library would, and reads the whole answer. */
	private String raw(String request) throws IOException {
		int port = Integer.parseInt(this.environment.getProperty("local.server.port"));
		try (Socket socket = new Socket("127.0.0.1", port)) {
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.UTF_8));
			out.flush();
			InputStream in = socket.getInputStream();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	static void assertProblem(Response response) {
		assertThat(response.contentType()).as(response.body()).startsWith("application/problem+json");
		assertThat(response.json().get("status").asInt()).isEqualTo(response.status());
	}

}
