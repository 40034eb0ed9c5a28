package io.costlens.platform.web;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.Arrays;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.costlens.IntegrationTest;
import io.costlens.TestApi;
import io.costlens.TestApi.Response;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
@Import(ProblemResponsesIntegrationTests.ProbeController.class)
class ProblemResponsesIntegrationTests {

	@Autowired
	TestApi api;

	@Test
	void answersUnknownRoutesWithNotFoundProblem() {
		Response response = this.api.get("/no/such/route").anonymous().send();

		assertProblem(response, 404, "not_found");
		assertThat(response.json().get("instance").asString()).isEqualTo("/no/such/route");
		assertThat(response.json().get("detail").asString()).contains("/no/such/route");
	}

	@Test
	void answersUnknownApiRoutesWithNotFoundOnceAuthenticated() {
		assertProblem(this.api.get("/api/v1/nothing-here").send(), 404, "not_found");
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void answersWrongMethodWithMethodNotAllowedAndLogsNoWarning(CapturedOutput output) {
		Response response = this.api.post("/health", "{}").anonymous().send();

		assertProblem(response, 405, "method_not_allowed");
		assertThat(response.header("Allow")).contains("GET");
		assertThat(response.json().get("detail").asString()).contains("POST");
		// a client can send wrong methods at will: no WARN line per request
		assertThat(output.getAll()).doesNotContain("Request method 'POST' is not supported");
	}

	@Test
	void answersWrongContentTypeWithUnsupportedMediaType() {
		Response response = this.api.request("POST", "/api/probe/echo", BodyPublishers.ofString("name=x"))
			.header("Content-Type", "text/plain")
			.send();

		assertProblem(response, 415, "unsupported_media_type");
		assertThat(response.json().get("detail").asString()).contains("text/plain");
	}

	@Test
	void namesTheFieldOfMalformedJson() {
		Response response = this.api.post("/api/probe/echo", "{\"name\": \"a\", \"item_count\": \"many\"}").send();

		assertProblem(response, 422, "validation_error");
		assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("item_count");
	}

	@Test
	void rejectsJsonThatDoesNotParse() {
		Response response = this.api.post("/api/probe/echo", "{\"name\": ").send();

		assertProblem(response, 422, "validation_error");
		assertThat(response.json().get("errors")).hasSize(1);
	}

	@Test
	void listsEveryFieldThatFailsValidation() {
		Response response = this.api.post("/api/probe/echo", "{\"name\": \" \", \"item_count\": -1}").send();

		assertProblem(response, 422, "validation_error");
		assertThat(response.json().get("errors").valueStream().map((e) -> e.get("field").asString()))
			.containsExactlyInAnyOrder("name", "item_count");
	}

	@Test
	void rejectsDeclaredOversizedBodyWithPayloadTooLarge() {
		String big = "{\"name\": \"" + "x".repeat(1_100_000) + "\"}";

		assertProblem(this.api.post("/api/probe/echo", big).send(), 413, "payload_too_large");
	}

	@Test
	void rejectsChunkedOversizedBodyWithPayloadTooLarge() {
		byte[] big = ("{\"name\": \"" + "x".repeat(1_100_000) + "\"}").getBytes();
		Response response = this.api
			.request("POST", "/api/probe/echo", BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)))
			.header("Content-Type", "application/json")
			.send();

		assertProblem(response, 413, "payload_too_large");
	}

	@Test
	void acceptsBodiesWithinTheLimit() {
		Response response = this.api.post("/api/probe/echo", "{\"name\": \"ok\", \"item_count\": 2}").send();

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().get("item_count").asInt()).isEqualTo(2);
	}

	@Test
	void hidesInternalsOfUnexpectedFailures() {
		Response response = this.api.get("/api/probe/boom").send();

		assertProblem(response, 500, "internal_error");
		assertThat(response.body()).doesNotContain("SELECT", "secret", "Exception", "at io.costlens");
	}

	@Test
	void asksForCredentialsWithUnauthorizedProblem() {
		Response response = this.api.get("/api/v2/health/info").anonymous().send();

		assertProblem(response, 401, "unauthorized");
		assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer");
	}

	@Test
	void rejectsUnknownKeyWithUnauthorizedProblem() {
		assertProblem(this.api.get("/api/v2/health/info").as("clk_not-a-real-key").send(), 401, "unauthorized");
	}

	private static void assertProblem(Response response, int status, String code) {
		assertThat(response.status()).isEqualTo(status);
		assertThat(response.contentType()).startsWith("application/problem+json");
		JsonNode body = response.json();
		assertThat(body.get("status").asInt()).isEqualTo(status);
		assertThat(body.get("status_code").asInt()).isEqualTo(status);
		assertThat(body.get("error").asString()).isEqualTo(code);
		assertThat(body.get("type").asString()).isEqualTo("urn:costlens:problem:" + code);
		assertThat(body.get("title").asString()).isNotBlank();
		assertThat(body.get("message").asString()).isEqualTo(body.get("detail").asString()).isNotBlank();
		assertThat(Arrays.asList("trace", "exception", "stackTrace")).noneMatch(body::has);
	}

	@RestController
	static class ProbeController {

		@PostMapping("/api/probe/echo")
		Echo echo(@Valid @RequestBody Echo echo) {
			return echo;
		}

		@GetMapping("/api/probe/boom")
		Echo boom() {
			throw new IllegalStateException("SELECT secret FROM vault failed");
		}

	}

	record Echo(@NotBlank String name, @Min(0) int itemCount) {
	}

}
