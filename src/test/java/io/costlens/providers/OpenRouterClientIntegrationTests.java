package io.costlens.providers;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.util.unit.DataSize;

import io.costlens.platform.OutboundLimits;
import io.costlens.providers.OpenRouterFailure.Kind;
import io.costlens.providers.ProvidersProperties.OpenRouter;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.costlens.providers.OpenRouterFake.SERVER;
import static io.costlens.providers.OpenRouterFake.activity;
import static io.costlens.providers.OpenRouterFake.activityRow;
import static io.costlens.providers.OpenRouterFake.error;
import static io.costlens.providers.OpenRouterFake.json;
import static io.costlens.providers.OpenRouterFake.keyInfo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The OpenRouter client against a real local HTTP server that answers as OpenRouter's API
 * reference documents, never a mock of the client.
 */
@WithOpenRouterFake
@ExtendWith(OutputCaptureExtension.class)
class OpenRouterClientIntegrationTests {

	@Autowired
	OpenRouterClient client;

	@Autowired
	OutboundLimits limits;

	@Autowired
	ProvidersProperties properties;

	private final String key = OpenRouterFake.newKey();

	@Test
	void readsAnOrdinaryKeysTypeLimitAndUsage() {
		SERVER.stubFor(keyInfo(this.key).willReturn(json(200, OpenRouterFake.ordinaryKeyBody("1.25"))));

		KeyInfo info = this.client.key(this.key);

		assertThat(info.type()).isEqualTo(KeyType.ORDINARY);
		assertThat(info.limit()).isEqualByComparingTo("100");
		assertThat(info.limitRemaining()).isEqualByComparingTo("74.5");
		assertThat(info.limitReset()).isEqualTo("monthly");
		assertThat(info.usageDaily()).isEqualByComparingTo("1.25");
		SERVER.verify(1, getRequestedFor(urlPathEqualTo("/api/v1/key")).withHeader("Authorization",
				equalTo("Bearer " + this.key)));
	}

	@Test
	void readsAManagementKeyAndItsActivityPerModelAndEndpoint() {
		LocalDate day = LocalDate.parse("2025-08-24");
		SERVER.stubFor(keyInfo(this.key).willReturn(json(200, OpenRouterFake.managementKeyBody())));
		SERVER.stubFor(activity(this.key, day).willReturn(json(200,
				"{\"data\":["
						+ activityRow(day, "openai/gpt-4.1", "550e8400-e29b-41d4-a716-446655440000", 5, 50, 125,
								"0.015")
						+ ","
						+ activityRow(day, "openai/gpt-4.1", "660e8400-e29b-41d4-a716-446655440000", 2, 20, 30, "0.005")
						+ "]}")));

		assertThat(this.client.key(this.key).type()).isEqualTo(KeyType.MANAGEMENT);
		List<DailyUsage> rows = this.client.activity(this.key, day);

		assertThat(rows).containsExactly(new DailyUsage(day, "openai/gpt-4.1", 5L, 50L, 125L, new BigDecimal("0.015")),
				new DailyUsage(day, "openai/gpt-4.1", 2L, 20L, 30L, new BigDecimal("0.005")));
	}

	@Test
	void reportsARefusedKeyWithOpenRoutersMessageAndDoesNotRetry() {
		SERVER.stubFor(
				keyInfo(this.key).willReturn(json(401, "{\"error\":{\"message\":\"User not found.\",\"code\":401}}")));

		OpenRouterFailure failure = failureOf(() -> this.client.key(this.key));

		assertThat(failure.kind()).isEqualTo(Kind.UNAUTHORIZED);
		assertThat(failure.rejectsKey()).isTrue();
		assertThat(failure.getMessage()).isEqualTo("OpenRouter GET /key answered 401: User not found.");
		assertCalls("/api/v1/key", 1);
	}

	@Test
	void reportsAForbiddenCallAndDoesNotRetry() {
		LocalDate day = LocalDate.parse("2025-08-24");
		SERVER.stubFor(activity(this.key, day)
			.willReturn(json(403, error(403, "Only management keys can perform this operation"))));

		OpenRouterFailure failure = failureOf(() -> this.client.activity(this.key, day));

		assertThat(failure.kind()).isEqualTo(Kind.FORBIDDEN);
		assertThat(failure.getMessage()).endsWith("403: Only management keys can perform this operation");
		assertCalls("/api/v1/activity", 1);
	}

	@Test
	void waitsAsRetryAfterSaysOnA429ThenSucceeds() {
		SERVER.stubFor(keyInfo(this.key).inScenario(this.key)
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(json(429,
					"{\"error\":{\"code\":429,\"message\":\"Rate limit exceeded\","
							+ "\"metadata\":{\"error_type\":\"rate_limit_exceeded\"}}}")
				.withHeader("Retry-After", "1"))
			.willSetStateTo("limited"));
		SERVER.stubFor(keyInfo(this.key).inScenario(this.key)
			.whenScenarioStateIs("limited")
			.willReturn(json(200, OpenRouterFake.ordinaryKeyBody("0.5"))));

		long started = System.nanoTime();
		KeyInfo info = this.client.key(this.key);

		assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(950));
		assertThat(info.usageDaily()).isEqualByComparingTo("0.5");
		assertCalls("/api/v1/key", 2);
	}

	@Test
	void givesUpAtOnceWhenRetryAfterIsLongerThanAllowed() {
		SERVER.stubFor(keyInfo(this.key)
			.willReturn(json(429, error(429, "Rate limit exceeded")).withHeader("Retry-After", "3600")));

		OpenRouterFailure failure = failureOf(() -> this.client.key(this.key));

		assertThat(failure.kind()).isEqualTo(Kind.RATE_LIMITED);
		assertThat(failure.retryAfter()).isEqualTo(Duration.ofHours(1));
		assertCalls("/api/v1/key", 1);
	}

	@Test
	void retriesA500AndSucceeds() {
		SERVER.stubFor(keyInfo(this.key).inScenario(this.key)
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(json(500, error(500, "Internal Server Error")))
			.willSetStateTo("recovered"));
		SERVER.stubFor(keyInfo(this.key).inScenario(this.key)
			.whenScenarioStateIs("recovered")
			.willReturn(json(200, OpenRouterFake.ordinaryKeyBody("2"))));

		assertThat(this.client.key(this.key).usageDaily()).isEqualByComparingTo("2");
		assertCalls("/api/v1/key", 2);
	}

	@Test
	void stopsAfterTheLastAttemptWhenTheServerKeepsFailing() {
		SERVER.stubFor(keyInfo(this.key).willReturn(json(502, error(502, "Provider returned error"))));

		OpenRouterFailure failure = failureOf(() -> this.client.key(this.key));

		assertThat(failure.kind()).isEqualTo(Kind.SERVER_ERROR);
		assertThat(failure.getMessage()).isEqualTo("OpenRouter GET /key answered 502: Provider returned error");
		assertCalls("/api/v1/key", this.properties.openrouter().maxAttempts());
	}

	@Test
	void refusesMalformedJson() {
		SERVER.stubFor(keyInfo(this.key).willReturn(json(200, "{\"data\": {\"label\": ")));

		OpenRouterFailure failure = failureOf(() -> this.client.key(this.key));

		assertThat(failure.kind()).isEqualTo(Kind.MALFORMED);
		assertThat(failure.getMessage()).contains("not the documented JSON");
		assertCalls("/api/v1/key", 1);
	}

	@Test
	void refusesActivityRowsWithoutTheirFields() {
		LocalDate day = LocalDate.parse("2025-08-24");
		SERVER.stubFor(activity(this.key, day).willReturn(json(200, "{\"data\":[{\"requests\":\"many\"}]}")));

		assertThat(failureOf(() -> this.client.activity(this.key, day)).kind()).isEqualTo(Kind.MALFORMED);
	}

	@Test
	void givesUpOnAnswersSlowerThanTheReadTimeoutAfterRetrying() {
		SERVER
			.stubFor(keyInfo(this.key).willReturn(json(200, OpenRouterFake.ordinaryKeyBody("1")).withFixedDelay(1500)));
		OpenRouterClient impatient = new OpenRouterClient(
				settings(OpenRouterFake.baseUrl(), 100000, Duration.ofMillis(500)), this.limits);

		long started = System.nanoTime();
		OpenRouterFailure failure = failureOf(() -> impatient.key(this.key));
		Duration took = Duration.ofNanos(System.nanoTime() - started);

		assertThat(failure.kind()).isEqualTo(Kind.NETWORK);
		assertThat(failure.getMessage()).contains("did not answer within 500 ms");
		assertThat(took).isLessThan(Duration.ofMillis(1500 * this.properties.openrouter().maxAttempts()));
		assertCalls("/api/v1/key", this.properties.openrouter().maxAttempts());
	}

	@Test
	void retriesConnectionErrorsAndSaysSoWithoutTheKey() {
		OpenRouterClient unreachable = new OpenRouterClient(settings("http://127.0.0.1:1/api/v1", 100000), this.limits);

		OpenRouterFailure failure = failureOf(() -> unreachable.key(this.key));

		assertThat(failure.kind()).isEqualTo(Kind.NETWORK);
		assertThat(failure.getMessage()).startsWith("OpenRouter GET /key failed").doesNotContain(this.key);
	}

	@Test
	void refusesResponsesLargerThanTheLimit() {
		SERVER
			.stubFor(keyInfo(this.key).willReturn(json(200, "{\"data\":{\"label\":\"" + "x".repeat(70_000) + "\"}}")));

		OpenRouterFailure failure = failureOf(() -> this.client.key(this.key));

		assertThat(failure.kind()).isEqualTo(Kind.MALFORMED);
		assertThat(failure.getMessage()).contains("more than 65536 bytes");
	}

	@Test
	void keepsTheKeyOutOfMessagesAndLogsEvenWhenOpenRouterEchoesIt(CapturedOutput output) {
		SERVER.stubFor(keyInfo(this.key).willReturn(json(401, error(401, "Key " + this.key + " is disabled"))));
		String other = OpenRouterFake.newKey();
		SERVER.stubFor(keyInfo(other).willReturn(json(503, error(503, "Overloaded"))));

		OpenRouterFailure refused = failureOf(() -> this.client.key(this.key));
		failureOf(() -> this.client.key(other));

		assertThat(refused.getMessage()).doesNotContain(this.key).contains(KeyPreview.of(this.key));
		assertThat(output.getAll()).contains("OpenRouter GET /key").doesNotContain(this.key).doesNotContain(other);
	}

	@Test
	void makesTheTwentyFirstCallInsideAMinuteWait() {
		SERVER.stubFor(keyInfo(this.key).willReturn(json(200, OpenRouterFake.ordinaryKeyBody("1"))));
		OpenRouterClient limited = new OpenRouterClient(settings(OpenRouterFake.baseUrl(), 20), this.limits);

		long started = System.nanoTime();
		for (int i = 0; i < 20; i++) {
			limited.key(this.key);
		}
		Duration twenty = Duration.ofNanos(System.nanoTime() - started);
		limited.key(this.key);
		Duration twentyOne = Duration.ofNanos(System.nanoTime() - started);

		assertThat(twenty).isLessThan(Duration.ofMillis(2500));
		assertThat(twentyOne).isGreaterThanOrEqualTo(Duration.ofMillis(2900));
		assertCalls("/api/v1/key", 21);
	}

	@Test
	void readsTheOriginalServicesUsagePathWhereAProxyServesIt() {
		SERVER.stubFor(get(urlPathEqualTo("/api/v1/usage")).withQueryParam("start_date", equalTo("2025-08-18"))
			.withQueryParam("end_date", equalTo("2025-08-25"))
			.withHeader("Authorization", equalTo("Bearer " + this.key))
			.willReturn(json(200, """
					{"data":[{"date":"2025-08-24","model":"openai/gpt-4.1","requests_count":3,"tokens_input":30,
					 "tokens_output":45,"cost":0.0123}]}""")));

		List<DailyUsage> rows = this.client.usage(this.key, "/usage", LocalDate.parse("2025-08-18"),
				LocalDate.parse("2025-08-25"));

		assertThat(rows).containsExactly(new DailyUsage(LocalDate.parse("2025-08-24"), "openai/gpt-4.1", 3L, 30L, 45L,
				new BigDecimal("0.0123")));
	}

	private OpenRouter settings(String baseUrl, int perMinute) {
		return settings(baseUrl, perMinute, this.properties.openrouter().readTimeout());
	}

	private OpenRouter settings(String baseUrl, int perMinute, Duration readTimeout) {
		OpenRouter o = this.properties.openrouter();
		return new OpenRouter(baseUrl, o.connectTimeout(), readTimeout, perMinute, o.rateLimitWait(), o.maxAttempts(),
				o.initialBackoff(), o.maxBackoff(), o.maxRetryAfter(), DataSize.ofKilobytes(64), null);
	}

	private void assertCalls(String path, int count) {
		SERVER.verify(count,
				getRequestedFor(urlPathEqualTo(path)).withHeader("Authorization", equalTo("Bearer " + this.key)));
	}

	private static OpenRouterFailure failureOf(Runnable call) {
		return catchThrowableOfType(OpenRouterFailure.class, call::run);
	}

}
