package io.costlens;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;

import io.costlens.TestApi.Response;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every time parameter of every endpoint, v1 and v2, reads the same forms: a date, and a
 * date-time with an offset or without one (meaning UTC), so the three spellings of one
 * instant give one answer; a value in none of them is a 4xx naming the accepted forms.
 */
@IntegrationTest
class TimeParametersIntegrationTests {

	/**
	 * Each endpoint with its time parameters ({@code {0}} the start, {@code {1}} the
	 * end); {@code %s} is a scenario's id.
	 */
	static final List<String> ENDPOINTS = List.of("/api/v1/scenarios/%s/metrics?from={0}&to={1}",
			"/api/v2/scenarios/%s/metrics?from={0}&to={1}", "/api/v1/predictions?from={0}&to={1}",
			"/api/v2/predictions?from={0}&to={1}", "/api/v1/stats?model_name=m&from_date={0}&to_date={1}",
			"/api/v2/stats?model_name=m&from={0}&to={1}", "/api/usage?from={0}&to={1}", "/api/v2/usage?from={0}&to={1}",
			"/api/usage/summary?from={0}&to={1}", "/api/v2/usage/summary?group_by=model&from={0}&to={1}",
			"/api/sessions?start={0}&end={1}", "/api/v2/sessions?start={0}&end={1}", "/api/metrics?since={0}",
			"/api/v2/metrics?since={0}", "/api/metrics/raw?since={0}", "/api/v2/insights?since={0}",
			"/api/v2/audit?from={0}&to={1}", "/api/v2/overview?from={0}&to={1}");

	/** One instant written three ways, and the end of the range the same. */
	private static final String[][] SAME_INSTANT = { { "2026-11-02T10:00:00Z", "2026-11-20T10:00:00Z" },
			{ "2026-11-02T12:00:00+02:00", "2026-11-20T12:00:00+02:00" },
			{ "2026-11-02T10:00:00", "2026-11-20T10:00:00" } };

	@Autowired
	TestApi api;

	static Stream<String> endpoints() {
		return ENDPOINTS.stream();
	}

	@ParameterizedTest
	@MethodSource("endpoints")
	void acceptsADateAndADateTimeWithOrWithoutAnOffset(String endpoint) {
		String scenario = scenario();
		Response dates = get(endpoint, scenario, "2026-11-02", "2026-11-20");
		assertThat(dates.status()).as(dates.body()).isEqualTo(200);

		List<String> answers = new ArrayList<>();
		for (String[] form : SAME_INSTANT) {
			Response response = get(endpoint, scenario, form[0], form[1]);
			assertThat(response.status()).as(form[0] + ": " + response.body()).isEqualTo(200);
			answers.add(withoutClock(response.body()));
		}
		if (!endpoint.contains("since=")) {
			// DevLens' KPIs over "since" run up to this moment, so their figures move on
			assertThat(answers).as("one instant, three spellings").containsOnly(answers.get(0));
		}
	}

	@ParameterizedTest
	@MethodSource("endpoints")
	void refusesATimeInNoneOfTheFormsAndNamesThem(String endpoint) {
		String scenario = scenario();
		for (String[] bad : new String[][] { { "02/11/2026", "2026-11-20" }, { "2026-11-02", "2026-11-20T25:00" } }) {
			if (!endpoint.contains("{1}") && bad[0].startsWith("2026")) {
				continue;
			}
			Response response = get(endpoint, scenario, bad[0], bad[1]);

			assertThat(response.status()).as(endpoint + " " + bad[0] + " " + bad[1]).isIn(400, 422);
			assertThat(response.contentType()).startsWith("application/problem+json");
			assertThat(response.json().get("error").asString()).isEqualTo("validation_error");
			assertThat(response.json().get("message").asString()).contains("YYYY-MM-DD")
				.contains("2026-12-01T10:00:00Z")
				.contains("without one, meaning UTC");
		}
	}

	private Response get(String endpoint, String scenario, String from, String to) {
		String path = endpoint.formatted(scenario)
			.replace("{0}", URLEncoder.encode(from, StandardCharsets.UTF_8))
			.replace("{1}", URLEncoder.encode(to, StandardCharsets.UTF_8));
		return this.api.get(path).send();
	}

	private String scenario() {
		Response created = this.api.post("/api/v2/scenarios", "{\"name\":\"times-" + System.nanoTime() + "\"}").send();
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asString();
	}

	/** The answer without the fields that tell when it was computed. */
	private static String withoutClock(String body) {
		return body.replaceAll("\"(timestamp|[a-z_]*_at)\":\"[^\"]*\"", "");
	}

}
