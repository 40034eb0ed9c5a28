package io.costlens.dashboard;

import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

import io.costlens.IntegrationTest;
import io.costlens.TestApi;
import io.costlens.TestUsers;
import io.costlens.platform.CurrentUser;
import io.costlens.platform.Role;
import io.costlens.providers.Providers;
import io.costlens.scenarios.Scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code GET /api/v2/overview}: the dashboard's numbers, for API clients too, with the
 * cost and usage of every module, totals that are the sums of their parts.
 */
@IntegrationTest
class OverviewIntegrationTests {

	@Autowired
	TestApi api;

	@Autowired
	TestUsers users;

	@Autowired
	Providers providers;

	@Autowired
	Scenarios scenarios;

	@Test
	void addsIngestedLogsAndTheirCostToTheTotalsAndTheSeries() {
		JsonNode before = overview("24h");
		String id = running("{\"region\":\"us-east-1\"}");
		ingest(id, "A question about my bill, please call me back", 3);
		JsonNode after = overview("24h");
		assertThat(logs(after) - logs(before)).isEqualTo(3);
		assertThat(money(after.get("cost").get("total"))).isGreaterThan(money(before.get("cost").get("total")));
		assertThat(after.get("cost").get("total").isString()).as("money is a string").isTrue();
		assertThat(after.get("time_zone").asString()).isEqualTo("UTC");
		assertThat(after.get("bucket").asString()).isEqualTo("hour");
		assertThat(after.get("series")).hasSize(24);
		long inSeries = 0;
		for (JsonNode point : after.get("series")) {
			inSeries += point.get("scenario_logs").asLong();
		}
		assertThat(inSeries).as("the series adds up to the total").isEqualTo(logs(after));
	}

	@Test
	void countsLogsImportedIntoAnEarlierHourOfTheLastDayAtOnce() {
		String id = running("{\"region\":\"us-east-1\"}");
		Instant earlier = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(3, ChronoUnit.HOURS);
		JsonNode before = overview("24h");
		importAt(id, earlier, 4);
		JsonNode after = overview("24h");
		assertThat(logs(after) - logs(before)).as("an hour that had settled").isEqualTo(4);
		importAt(id, earlier, 2);
		assertThat(logs(overview("24h")) - logs(after)).as("the same hour, cached after the first import").isEqualTo(2);
		stop(id);
	}

	@Test
	void countsUsageWithoutAPriceApartInsteadOfAsFree() {
		JsonNode before = overview("7d");
		String id = running("{\"region\":\"us-east-1\",\"bedrock_model\":\"unpriced_model_x\"}");
		ingest(id, "Tokens for a model nobody priced", 2);
		JsonNode after = overview("7d");
		assertThat(after.get("cost").get("unpriced_items").asLong() - before.get("cost").get("unpriced_items").asLong())
			.isEqualTo(2);
		assertThat(after.get("unpriced").toString()).contains("unpriced_model_x_input");
	}

	@Test
	void addsTheCallersProviderUsageToTheCostOfTheRangeAndItsSeries() {
		TestUsers.User member = this.users.member();
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		as(member, () -> this.providers.addKeyWithUsage("overview-key", "sk-or-v1-" + UUID.randomUUID(), List.of(
				new Providers.SampleUsage(today, "openai/gpt-4.1", 120, 9000, 3000, new BigDecimal("2.50")),
				new Providers.SampleUsage(today.minusDays(3), "openai/gpt-4.1", 30, 100, 50, new BigDecimal("0.25")),
				new Providers.SampleUsage(today.minusDays(40), "openai/gpt-4.1", 1, 1, 1, new BigDecimal("99")))));

		JsonNode overview = this.api.get("/api/v2/overview?period=7d").as(member.apiKey()).send().json();

		JsonNode providers = module(overview, "providers");
		assertThat(money(providers.get("cost"))).as("the two days in the range, not the one 40 days back")
			.isEqualByComparingTo("2.75");
		assertThat(providers.get("items").asLong()).isEqualTo(150);
		assertThat(providers.get("tokens").asLong()).isEqualTo(12150);
		assertThat(overview.get("usage").get("provider_requests").asLong()).isEqualTo(150);
		assertThat(sum(overview.get("series"), "providers_cost")).isEqualByComparingTo("2.75");
		assertAddsUp(overview);
		JsonNode otherUsers = overview("7d");
		assertThat(money(module(otherUsers, "providers").get("cost")))
			.as("an admin's overview counts every user's keys")
			.isGreaterThanOrEqualTo(new BigDecimal("2.75"));
	}

	@Test
	void followsUsageSyncedAfterACachedReadAndServesNoCallerAnothersOverview() {
		TestUsers.User member = this.users.member();
		TestUsers.User other = this.users.member();
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		JsonNode before = this.api.get("/api/v2/overview?period=7d").as(member.apiKey()).send().json();
		JsonNode othersBefore = this.api.get("/api/v2/overview?period=7d").as(other.apiKey()).send().json();

		as(member, () -> this.providers.addKeyWithUsage("cached-overview-key", "sk-or-v1-" + UUID.randomUUID(),
				List.of(new Providers.SampleUsage(today, "openai/gpt-4.1", 7, 700, 70, new BigDecimal("1.25")))));

		JsonNode after = this.api.get("/api/v2/overview?period=7d").as(member.apiKey()).send().json();
		assertThat(
				money(module(after, "providers").get("cost")).subtract(money(module(before, "providers").get("cost"))))
			.as("the sync, after a cached read")
			.isEqualByComparingTo("1.25");
		JsonNode othersAfter = this.api.get("/api/v2/overview?period=7d").as(other.apiKey()).send().json();
		assertThat(money(module(othersAfter, "providers").get("cost")))
			.as("another member's overview keeps to their own keys")
			.isEqualByComparingTo(money(module(othersBefore, "providers").get("cost")));
	}

	@Test
	void showsWhatChangedSinceTheOverviewPageWasLastRenderedAtOnce() {
		UiSession browser = UiSession.signedIn(this.api, this.users, "member");
		String first = browser.get("/ui/?period=24h").body();
		String id = running("{\"region\":\"us-east-1\"}");
		ingest(id, "A log the cached page has not seen", 1);
		JsonNode now = overview("24h");
		String second = browser.get("/ui/?period=24h").body();
		assertThat(second).isNotEqualTo(first)
			.contains(">" + java.text.NumberFormat.getNumberInstance(java.util.Locale.ENGLISH).format(logs(now)) + "<");
		stop(id);
	}

	@Test
	void addsDeveloperSessionsWithTheirCostAndTheirUnpricedModels() {
		JsonNode before = overview("7d");
		String day = LocalDate.now(ZoneOffset.UTC).toString();
		String developer = "overview-" + UUID.randomUUID().toString().substring(0, 8);
		StringBuilder traces = new StringBuilder();
		for (int i = 0; i < 3; i++) {
			traces
				.append(("{\"timestamp\": \"%sT00:0%d:00Z\", \"usage\": {\"input_tokens\": 100000, \"output_tokens\": 20000},"
						+ " \"attributes\": {\"llm.model_name\": \"%s\", \"status_code\": 200, \"latency_ms\": 900},"
						+ " \"metadata\": {\"developer_id\": \"%s\", \"session_id\": \"%s-%d\", \"repo\": \"acme/shop\"}}\n")
					.formatted(day, i, (i < 2) ? "anthropic/claude-haiku-4-5" : "overview-unpriced-model", developer,
							developer, i));
		}
		assertThat(this.api.request("POST", "/api/traces", HttpRequest.BodyPublishers.ofString(traces.toString()))
			.header("Content-Type", "application/x-ndjson")
			.send()
			.status()).isEqualTo(200);

		JsonNode after = overview("7d");

		JsonNode devlens = module(after, "devlens");
		assertThat(devlens.get("items").asLong() - module(before, "devlens").get("items").asLong()).isEqualTo(3);
		assertThat(devlens.get("unpriced_items").asLong() - module(before, "devlens").get("unpriced_items").asLong())
			.isEqualTo(1);
		assertThat(money(devlens.get("cost"))).as("two priced sessions of 120 000 tokens each")
			.isGreaterThan(money(module(before, "devlens").get("cost")));
		assertThat(after.get("cost").get("unpriced_items").asLong() - before.get("cost").get("unpriced_items").asLong())
			.isEqualTo(1);
		assertThat(after.get("unpriced").toString()).contains("\"model\":\"overview-unpriced-model\"");
		assertAddsUp(after);
	}

	@Test
	void countsPredictionsAsUsageWithoutACost() {
		JsonNode before = overview("24h");
		for (boolean ok : new boolean[] { true, false }) {
			assertThat(this.api
				.post("/api/v1/predict-log",
						"{\"model_name\":\"overview-model\",\"duration_ms\":40,\"was_successful\":" + ok + "}")
				.send()
				.status()).isLessThan(300);
		}
		JsonNode after = overview("24h");
		JsonNode predictions = module(after, "predictions");
		assertThat(predictions.get("items").asLong() - module(before, "predictions").get("items").asLong())
			.isEqualTo(2);
		assertThat(predictions.get("cost").isNull()).as("Costlens prices no ML prediction").isTrue();
		assertThat(after.get("usage").get("failed_predictions").asLong()
				- before.get("usage").get("failed_predictions").asLong())
			.isEqualTo(1);
		assertThat(money(after.get("cost").get("total"))).isEqualByComparingTo(money(before.get("cost").get("total")));
	}

	@Test
	void pricesEveryScenarioHourAsItsMetricsDoAndFollowsLaterChangesToPastHours() {
		LocalDate day = LocalDate.of(2025, 2, 1).plusDays(ThreadLocalRandom.current().nextInt(300));
		Instant noon = day.atTime(12, 0).toInstant(ZoneOffset.UTC);
		String plain = running("{\"region\":\"us-east-1\"}");
		String tuned = running("{\"region\":\"eu-west-1\",\"lambda_batch_size\":7,\"lambda_memory_mb\":512,"
				+ "\"lambda_duration_ms\":250,\"bedrock_model\":\"claude_3_haiku\",\"output_tokens_ratio\":0.5}");
		String unpriced = running("{\"region\":\"us-east-1\",\"bedrock_model\":\"overview_unpriced_y\"}");
		List<String> all = List.of(plain, tuned, unpriced);
		importAt(plain, noon, 30);
		importAt(plain, noon.plus(3, ChronoUnit.HOURS), 5);
		importAt(tuned, noon, 9);
		importAt(tuned, noon.plus(1, ChronoUnit.HOURS), 20);
		importAt(unpriced, noon, 4);
		try {
			JsonNode overview = assertMatchesMetrics(day, all);
			assertThat(module(overview, "scenarios").get("items").asLong()).isEqualTo(68);
			assertThat(module(overview, "scenarios").get("unpriced_items").asLong()).isEqualTo(4);
			assertThat(overview.get("unpriced").toString()).contains("overview_unpriced_y_input");

			importAt(plain, noon, 10);
			assertThat(module(assertMatchesMetrics(day, all), "scenarios").get("items").asLong())
				.as("logs imported into a past day count at once")
				.isEqualTo(78);
			assertThat(this.api.put("/api/v1/scenarios/" + tuned, "{\"lambda_memory_mb\":2048}").send().status())
				.isEqualTo(200);
			assertMatchesMetrics(day, all);
			stop(unpriced);
			assertThat(this.api.delete("/api/v1/scenarios/" + unpriced).send().status()).isEqualTo(204);
			JsonNode deleted = assertMatchesMetrics(day, List.of(plain, tuned));
			assertThat(module(deleted, "scenarios").get("items").asLong()).isEqualTo(74);
			assertThat(module(deleted, "scenarios").get("unpriced_items").asLong()).isZero();
		}
		finally {
			for (String id : List.of(plain, tuned)) {
				stop(id);
				this.api.delete("/api/v1/scenarios/" + id).send();
			}
		}
	}

	/**
	 * The overview of one past day (which only these scenarios used) costs what their
	 * metrics add up to, in total and hour by hour.
	 */
	private JsonNode assertMatchesMetrics(LocalDate day, List<String> scenarios) {
		TestApi.Response response = this.api.get("/api/v2/overview?from=" + day + "&to=" + day).send();
		assertThat(response.status()).isEqualTo(200);
		JsonNode overview = response.json();
		BigDecimal total = BigDecimal.ZERO;
		Map<String, BigDecimal> hourly = new HashMap<>();
		for (String id : scenarios) {
			JsonNode metrics = this.api.get("/api/v1/scenarios/" + id + "/metrics?from=" + day + "&to=" + day)
				.send()
				.json();
			total = total.add(new BigDecimal(metrics.get("summary").get("total_cost_usd").asString()));
			for (JsonNode point : metrics.get("timeseries")) {
				if (point.get("metric_type").asString().equals("cost_usd")) {
					hourly.merge(Instant.parse(point.get("timestamp").asString()).toString(),
							new BigDecimal(point.get("value").asString()), BigDecimal::add);
				}
			}
		}
		assertThat(money(module(overview, "scenarios").get("cost"))).as("the scenarios' cost = their metrics' sum")
			.isCloseTo(total, within(new BigDecimal("1e-9")));
		for (JsonNode point : overview.get("series")) {
			BigDecimal expected = hourly.getOrDefault(Instant.parse(point.get("start").asString()).toString(),
					BigDecimal.ZERO);
			assertThat(money(point.get("scenarios_cost"))).as("the hour from " + point.get("start"))
				.isCloseTo(expected, within(new BigDecimal("1e-9")));
		}
		return overview;
	}

	@Test
	void answersViewersAndTellsWhenThereIsNoForecastYet() {
		TestUsers.User viewer = this.users.create("viewer", "free");
		TestApi.Response response = this.api.get("/api/v2/overview?period=mtd").as(viewer.apiKey()).send();
		assertThat(response.status()).isEqualTo(200);
		JsonNode forecast = response.json().get("forecast");
		assertThat(forecast.get("status").asString()).isIn("ok", "not_enough_data");
		assertThat(forecast.get("level").asDouble()).isEqualTo(0.8);
		assertThat(this.api.get("/api/v2/overview").anonymous().send().status()).isEqualTo(401);
	}

	@Test
	void refusesAnUnknownPeriodOrAHalfCustomRangeNamingTheField() {
		TestApi.Response unknown = this.api.get("/api/v2/overview?period=fortnight").send();
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.body()).contains("period");
		TestApi.Response half = this.api.get("/api/v2/overview?from=2026-11-01").send();
		assertThat(half.status()).isEqualTo(400);
		assertThat(half.body()).contains("to: is required");
		TestApi.Response custom = this.api.get("/api/v2/overview?from=2026-11-01&to=2026-11-30").send();
		assertThat(custom.status()).isEqualTo(200);
		assertThat(custom.json().get("series")).hasSize(30);
	}

	/** The total is the sum of the modules' costs and of the series. */
	private static void assertAddsUp(JsonNode overview) {
		BigDecimal modules = BigDecimal.ZERO;
		for (JsonNode module : overview.get("cost").get("by_module")) {
			modules = modules.add(money(module.get("cost")));
		}
		BigDecimal total = money(overview.get("cost").get("total"));
		assertThat(total).as("total = sum of the modules").isEqualByComparingTo(modules);
		assertThat(sum(overview.get("series"), "cost")).as("total = sum of the series").isEqualByComparingTo(total);
		assertThat(sum(overview.get("series"), "scenarios_cost").add(sum(overview.get("series"), "providers_cost"))
			.add(sum(overview.get("series"), "devlens_cost"))).isEqualByComparingTo(total);
	}

	private static BigDecimal sum(JsonNode series, String field) {
		BigDecimal sum = BigDecimal.ZERO;
		for (JsonNode point : series) {
			sum = sum.add(money(point.get(field)));
		}
		return sum;
	}

	private static JsonNode module(JsonNode overview, String name) {
		for (JsonNode module : overview.get("cost").get("by_module")) {
			if (module.get("module").asString().equals(name)) {
				return module;
			}
		}
		throw new AssertionError("no module " + name + " in " + overview.get("cost"));
	}

	private static void as(TestUsers.User user, Runnable action) {
		SecurityContext previous = SecurityContextHolder.getContext();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		CurrentUser caller = new CurrentUser(UUID.fromString(user.id()), user.username(), Role.MEMBER, "free", null);
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(caller, null, List.of()));
		SecurityContextHolder.setContext(context);
		try {
			action.run();
		}
		finally {
			SecurityContextHolder.setContext(previous);
		}
	}

	private void importAt(String id, Instant hour, int logs) {
		List<Scenarios.TimedLog> sent = new ArrayList<>();
		for (int i = 0; i < logs; i++) {
			sent.add(new Scenarios.TimedLog("An overview log about invoice " + i + " and its total", "overview",
					hour.plusSeconds(60L * i)));
		}
		assertThat(this.scenarios.importLogs(UUID.fromString(id), sent)).isEqualTo(logs);
	}

	private void stop(String id) {
		this.api.post("/api/v1/scenarios/" + id + "/stop", "").send();
	}

	private String running(String fields) {
		String body = "{\"name\":\"overview-" + UUID.randomUUID() + "\"," + fields.substring(1);
		String id = this.api.post("/api/v1/scenarios", body).send().json().get("id").asString();
		this.api.post("/api/v1/scenarios/" + id + "/start", "").send();
		return id;
	}

	private void ingest(String id, String message, int times) {
		for (int i = 0; i < times; i++) {
			TestApi.Response sent = this.api.post("/ingest", "{\"message\":\"" + message + " " + i + "\"}")
				.header("X-Scenario-ID", id)
				.send();
			assertThat(sent.status()).isEqualTo(202);
		}
	}

	private JsonNode overview(String period) {
		TestApi.Response response = this.api.get("/api/v2/overview?period=" + period).send();
		assertThat(response.status()).isEqualTo(200);
		return response.json();
	}

	private static long logs(JsonNode overview) {
		return overview.get("usage").get("scenario_logs").asLong();
	}

	private static BigDecimal money(JsonNode value) {
		return value.isNull() ? BigDecimal.ZERO : new BigDecimal(value.asString());
	}

}
