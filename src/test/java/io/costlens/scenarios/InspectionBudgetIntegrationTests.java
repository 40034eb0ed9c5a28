package io.costlens.scenarios;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import io.costlens.IntegrationTest;
import io.costlens.TestApi;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Large messages cannot monopolise the cores: inspection beyond its byte budget is
 * answered 503 with {@code Retry-After}, while health checks keep answering.
 */
@IntegrationTest
@TestPropertySource(properties = { "costlens.scenarios.ingest.inspection.threads=1",
		"costlens.scenarios.ingest.inspection.max-bytes-in-flight=1MB",
		"costlens.scenarios.ingest.inspection.max-wait=0s", "costlens.scenarios.ingest.inspection.inline-below=0B" })
class InspectionBudgetIntegrationTests {

	@Autowired
	TestApi api;

	@Test
	void answersServiceUnavailableBeyondTheBudgetWhileHealthAnswers() {
		String scenario = this.api.post("/api/v2/scenarios", "{\"name\":\"budget-" + UUID.randomUUID() + "\"}")
			.send()
			.json()
			.get("id")
			.asString();
		this.api.post("/api/v2/scenarios/" + scenario + "/start", "").send();
		String message = IntStream.range(0, 60_000)
			.mapToObj((i) -> "user" + i + "@example.com paid " + i)
			.reduce(new StringBuilder(), StringBuilder::append, StringBuilder::append)
			.substring(0, 900_000);
		String body = "{\"message\":\"" + message + "\",\"source\":\"budget\"}";
		HttpClient client = HttpClient.newHttpClient();

		List<CompletableFuture<HttpResponse<String>>> ingests = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			ingests.add(client.sendAsync(HttpRequest.newBuilder(this.api.uri("/ingest"))
				.header("X-API-Key", TestApi.ADMIN_KEY)
				.header("X-Scenario-ID", scenario)
				.header("Content-Type", "application/json")
				.POST(BodyPublishers.ofString(body))
				.build(), BodyHandlers.ofString()));
		}
		int health = this.api.get("/health").anonymous().send().status();
		List<HttpResponse<String>> answers = ingests.stream().map(CompletableFuture::join).toList();

		assertThat(health).isEqualTo(200);
		assertThat(answers).extracting(HttpResponse::statusCode).contains(202, 503).containsOnly(202, 503);
		HttpResponse<String> refused = answers.stream().filter((r) -> r.statusCode() == 503).findFirst().orElseThrow();
		assertThat(refused.headers().firstValue("Retry-After")).hasValue("2");
		assertThat(refused.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(this.api.get("/api/v2/scenarios/" + scenario + "/logs?page_size=100")
			.send()
			.json()
			.get("total")
			.asLong()).isEqualTo(answers.stream().filter((r) -> r.statusCode() == 202).count());
	}

}
