package io.costlens.providers;

import java.time.LocalDate;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

import io.costlens.TestApi;
import io.costlens.TestApi.Response;
import io.costlens.TestUsers.User;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real HTTP server on a free local port that plays OpenRouter with the bodies its API
 * reference documents ({@code /api/v1/key}, {@code /api/v1/activity} and the error
 * shape). One per test JVM; every test uses keys of its own, and the stubs match on the
 * key, so tests never see each other's answers.
 */
public final class OpenRouterFake {

	public static final WireMockServer SERVER = start();

	private OpenRouterFake() {
	}

	private static WireMockServer start() {
		WireMockServer server = new WireMockServer(
				WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
		server.start();
		Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
		return server;
	}

	public static String baseUrl() {
		return "http://127.0.0.1:" + SERVER.port() + "/api/v1";
	}

	/** A key no other test uses, shaped like OpenRouter's. */
	public static String newKey() {
		return "sk-or-v1-" + UUID.randomUUID().toString().replace("-", "")
				+ UUID.randomUUID().toString().replace("-", "");
	}

	public static MappingBuilder keyInfo(String key) {
		return get(urlPathEqualTo("/api/v1/key")).withHeader("Authorization", equalTo("Bearer " + key));
	}

	public static MappingBuilder activity(String key, LocalDate date) {
		return get(urlPathEqualTo("/api/v1/activity")).withQueryParam("date", equalTo(date.toString()))
			.withHeader("Authorization", equalTo("Bearer " + key));
	}

	/**
	 * Adds {@code key} for {@code user} through {@code POST /api/keys} (named
	 * {@code mine-<username>}), asserting the 201; the new key's id.
	 */
	public static String addKey(TestApi api, User user, String key) {
		Response created = api.post("/api/keys", "{\"name\":\"mine-" + user.username() + "\",\"key\":\"" + key + "\"}")
			.as(user.apiKey())
			.send();
		assertThat(created.status()).isEqualTo(201);
		return created.json().get("id").asString();
	}

	/**
	 * Adds {@code key} for {@code user} as {@link #addKey(TestApi, User, String)} does
	 * and has the fake answer OpenRouter's {@code /key} call for it with {@code answer};
	 * the new key's id.
	 */
	public static String addKey(TestApi api, User user, String key, ResponseDefinitionBuilder answer) {
		String id = addKey(api, user, key);
		SERVER.stubFor(keyInfo(key).willReturn(answer));
		return id;
	}

	/** {@code /key}'s answer for an ordinary key that used {@code usageDaily} today. */
	public static ResponseDefinitionBuilder ordinaryKey(String usageDaily) {
		return json(200, ordinaryKeyBody(usageDaily));
	}

	public static ResponseDefinitionBuilder json(int status, String body) {
		return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
	}

	/** {@code /key} for an ordinary key, as in the API reference. */
	public static String ordinaryKeyBody(String usageDaily) {
		return """
				{"data":{"label":"sk-or-v1-au7...890","limit":100,"limit_remaining":74.5,"limit_reset":"monthly",
				 "include_byok_in_limit":false,"usage":25.5,"usage_daily":%s,"usage_weekly":25.5,"usage_monthly":25.5,
				 "byok_usage":17.38,"byok_usage_daily":17.38,"byok_usage_weekly":17.38,"byok_usage_monthly":17.38,
				 "is_free_tier":false,"is_management_key":false,"is_provisioning_key":false,
				 "creator_user_id":"user_2dHFtVWx2n56w6HkM0000000000","expires_at":"2027-12-31T23:59:59Z",
				 "rate_limit":{"requests":1000,"interval":"1h","note":"This field is deprecated and safe to ignore."}}}"""
			.formatted(usageDaily);
	}

	/** {@code /key} for a management key. */
	public static String managementKeyBody() {
		return """
				{"data":{"label":"sk-or-v1-mg7...123","limit":null,"limit_remaining":null,"limit_reset":null,
				 "include_byok_in_limit":false,"usage":0,"usage_daily":0,"usage_weekly":0,"usage_monthly":0,
				 "byok_usage":0,"byok_usage_daily":0,"byok_usage_weekly":0,"byok_usage_monthly":0,
				 "is_free_tier":false,"is_management_key":true,"is_provisioning_key":true,
				 "creator_user_id":null}}""";
	}

	/** One {@code /activity} row. */
	public static String activityRow(LocalDate date, String model, String endpoint, int requests, int prompt,
			int completion, String usage) {
		return """
				{"date":"%s","model":"%s","model_permaslug":"%s-2025-04-14","endpoint_id":"%s",
				 "provider_name":"OpenAI","usage":%s,"byok_usage_inference":0.012,"requests":%d,
				 "prompt_tokens":%d,"completion_tokens":%d,"reasoning_tokens":25}""".formatted(date, model, model,
				endpoint, usage, requests, prompt, completion);
	}

	public static String error(int code, String message) {
		return "{\"error\":{\"code\":" + code + ",\"message\":\"" + message + "\",\"metadata\":{}}}";
	}

	/** Points the application's OpenRouter client at the fake. */
	public static final class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			TestPropertyValues.of("costlens.providers.openrouter.base-url=" + baseUrl()).applyTo(context);
		}

	}

}
