package io.costlens.providers;

import java.io.IOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

import io.costlens.TestApi;
import io.costlens.TestApi.Response;
import io.costlens.TestUsers;
import io.costlens.TestUsers.User;
import io.costlens.platform.DataDirectory;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.costlens.providers.OpenRouterFake.SERVER;
import static io.costlens.providers.OpenRouterFake.addKey;
import static io.costlens.providers.OpenRouterFake.activity;
import static io.costlens.providers.OpenRouterFake.activityRow;
import static io.costlens.providers.OpenRouterFake.error;
import static io.costlens.providers.OpenRouterFake.json;
import static io.costlens.providers.OpenRouterFake.keyInfo;
import static io.costlens.providers.OpenRouterFake.ordinaryKey;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Usage synced from the local OpenRouter fake into rows per key, day and model, read back
 * through the usage endpoints; the jobs' logic (sync all, clean-up, re-encryption) run as
 * the scheduler would run it.
 */
@WithOpenRouterFake
class UsageSyncIntegrationTests {

	private static final String GPT = "openai/gpt-4.1";

	private static final String CLAUDE = "anthropic/claude-sonnet-4";

	@Autowired
	TestApi api;

	@Autowired
	TestUsers users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UsageSync sync;

	@Autowired
	UsageCleanup cleanup;

	@Autowired
	ProviderKeyRepository keys;

	@Autowired
	KeyEncryption encryption;

	@Autowired
	ProvidersProperties properties;

	@Autowired
	DataDirectory dataDirectory;

	@Autowired
	UsageRepository usageRows;

	@Autowired
	OpenRouterClient client;

	@Autowired
	KeyValidation validation;

	@Autowired
	TransactionOperations transactions;

	@Autowired
	ProviderMetrics metrics;

	private final LocalDate today = LocalDate.now(ZoneOffset.UTC);

	@Test
	void syncsAManagementKeysLastSevenDaysSummingProviderEndpoints() {
		User member = this.users.member();
		String key = OpenRouterFake.newKey();
		String id = addKey(this.api, member, key);
		stubManagementKey(key, "0.015");

		Response synced = this.api.post("/api/keys/" + id + "/sync", "").as(member.apiKey()).send();

		assertThat(synced.status()).isEqualTo(200);
		assertThat(synced.json().get("key_type").asString()).isEqualTo("management");
		assertThat(synced.json().get("rows_upserted").asInt()).isEqualTo(14);
		JsonNode usage = this.api.get("/api/usage?page_size=100&key_id=" + id).as(member.apiKey()).send().json();
		assertThat(usage.get("total").asLong()).isEqualTo(14);
		JsonNode newest = usage.get("items").get(0);
		assertThat(newest.get("date").asString()).isEqualTo(this.today.minusDays(1).toString());
		JsonNode gpt = row(usage, this.today.minusDays(1), GPT);
		assertThat(gpt.get("requests_count").asLong()).isEqualTo(7);
		assertThat(gpt.get("tokens_input").asLong()).isEqualTo(70);
		assertThat(gpt.get("tokens_output").asLong()).isEqualTo(155);
		assertThat(gpt.get("cost").asString()).isEqualTo("0.02");
		assertThat(usage.findValuesAsString("date")).doesNotContain(this.today.toString(),
				this.today.minusDays(8).toString());
		JsonNode summary = usage.get("summary");
		assertThat(summary.get("requests_count").asLong()).isEqualTo(7 * (7 + 1));
		assertThat(summary.get("tokens_input").asLong()).isEqualTo(7 * (70 + 10));
		assertThat(summary.get("cost").asString()).isEqualTo("0.168");
		assertThat(this.api.get("/api/keys/" + id).as(member.apiKey()).send().json().get("last_synced_at").isNull())
			.isFalse();
	}

	@Test
	void replacesRowsWhenSyncedAgainAndNeverDuplicatesThem() {
		User member = this.users.member();
		String key = OpenRouterFake.newKey();
		String id = addKey(this.api, member, key);
		stubManagementKey(key, "0.015");
		this.api.post("/api/keys/" + id + "/sync", "").as(member.apiKey()).send();

		stubManagementKey(key, "0.025");
		Response again = this.api.post("/api/keys/" + id + "/sync", "").as(member.apiKey()).send();

		assertThat(again.status()).isEqualTo(200);
		assertThat(this.jdbc.sql("select count(*) from usage_stats where api_key_id = :id")
			.param("id", UUID.fromString(id))
			.query(Long.class)
			.single()).isEqualTo(14);
		JsonNode usage = this.api.get("/api/usage?page_size=100&key_id=" + id).as(member.apiKey()).send().json();
		assertThat(row(usage, this.today.minusDays(3), GPT).get("cost").asString()).isEqualTo("0.03");
	}

	@Test
	void retriesAKeyWhileOpenRouterIsDownAndStoresItsUsageOnceItIsBack() {
		User member = this.users.member();
		String key = OpenRouterFake.newKey();
		String id = addKey(this.api, member, key);
		List<ResponseDefinitionBuilder> outages = List.of(json(502, error(502, "Bad gateway")),
				aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), aResponse().withFault(Fault.EMPTY_RESPONSE));
		for (ResponseDefinitionBuilder down : outages) {
			SERVER.stubFor(keyInfo(key).willReturn(down));
			int before = calls(key);

			RunCounts run = this.sync.syncAll();

			assertThat(run.failed()).as("keys that failed in the run").isPositive();
			assertThat(calls(key) - before).as("tries of the key in one run (with backoff between them)")
				.isGreaterThanOrEqualTo(this.properties.openrouter().maxAttempts());
			assertThat(usageRows(id)).isZero();
		}

		stubManagementKey(key, "0.015");
		this.sync.syncAll();
		this.sync.syncAll();

		assertThat(usageRows(id)).as("rows once OpenRouter is back, after two runs").isEqualTo(14);
		JsonNode usage = this.api.get("/api/usage?page_size=100&key_id=" + id).as(member.apiKey()).send().json();
		assertThat(row(usage, this.today.minusDays(1), GPT).get("requests_count").asLong()).isEqualTo(7);
	}

	private static int calls(String key) {
		return SERVER
			.countRequestsMatching(
					getRequestedFor(urlPathEqualTo("/api/v1/key")).withHeader("Authorization", equalTo("Bearer " + key))
						.build())
			.getCount();
	}

	private long usageRows(String id) {
		return this.jdbc.sql("select count(*) from usage_stats where api_key_id = :id")
			.param("id", UUID.fromString(id))
			.query(Long.class)
			.single();
	}

	@Test
	void syncsAnOrdinaryKeyIntoAKeyLevelRowAndItsLimits() {
		User member = this.users.member();
		String key = OpenRouterFake.newKey();
		String id = addKey(this.api, member, key, ordinaryKey("1.75"));

		Response synced = this.api.post("/api/keys/" + id + "/sync", "").as(member.apiKey()).send();

		assertThat(synced.status()).isEqualTo(200);
		assertThat(synced.json().get("key_type").asString()).isEqualTo("ordinary");
		JsonNode usage = this.api.get("/api/usage?key_id=" + id).as(member.apiKey()).send().json();
		assertThat(usage.get("total").asLong()).isOne();
		JsonNode row = usage.get("items").get(0);
		assertThat(row.get("date").asString()).isEqualTo(this.today.toString());
		assertThat(row.get("model").asString()).isEqualTo("*");
		assertThat(row.get("cost").asString()).isEqualTo("1.75");
		assertThat(row.get("requests_count").isNull()).isTrue();
		JsonNode stored = this.api.get("/api/keys/" + id).as(member.apiKey()).send().json();
		assertThat(stored.get("limit_remaining").asString()).isEqualTo("74.5");
		SERVER.verify(1,
				getRequestedFor(urlPathEqualTo("/api/v1/key")).withHeader("Authorization", equalTo("Bearer " + key)));
	}

	@Test
	void syncsOrdinaryKeysFromTheUsagePathWhenOneIsSet() {
		User member = this.users.member();
		String key = OpenRouterFake.newKey();
		UUID id = UUID.fromString(addKey(this.api, member, key, ordinaryKey("1")));
		SERVER.stubFor(get(urlPathEqualTo("/api/v1/usage")).withHeader("Authorization", equalTo("Bearer " + key))
			.withQueryParam("start_date", equalTo(this.today.minusDays(7).toString()))
			.withQueryParam("end_date", equalTo(this.today.toString()))
			.willReturn(json(200, "{\"data\":[{\"date\":\"" + this.today.minusDays(2) + "\",\"model\":\"" + GPT
					+ "\",\"requests_count\":4,\"tokens_input\":40,\"tokens_output\":60,\"cost\":0.5}]}")));
		ProvidersProperties p = this.properties;
		ProvidersProperties.OpenRouter o = p.openrouter();
		ProvidersProperties withUsagePath = new ProvidersProperties(p.encryptionKey(), p.activityDays(),
				p.usageStatsRetentionDays(),
				new ProvidersProperties.OpenRouter(o.baseUrl(), o.connectTimeout(), o.readTimeout(),
						o.requestsPerMinute(), o.rateLimitWait(), o.maxAttempts(), o.initialBackoff(), o.maxBackoff(),
						o.maxRetryAfter(), o.maxResponseSize(), "/usage"),
				p.schedules());
		UsageSync viaProxy = new UsageSync(this.keys, this.usageRows, this.encryption, this.client, this.validation,
				withUsagePath, this.transactions, this.metrics);

		assertThat(viaProxy.sync(id).rows()).isOne();

		JsonNode usage = this.api.get("/api/usage?key_id=" + id).as(member.apiKey()).send().json();
		assertThat(row(usage, this.today.minusDays(2), GPT).get("requests_count").asLong()).isEqualTo(4);
		assertThat(usage.get("total").asLong()).isOne();
	}

	@Test
	void answersBadGatewayAndWritesNothingWhenOpenRouterFails() {
		User member = this.users.member();
		String key = OpenRouterFake.newKey();
		String id = addKey(this.api, member, key, json(200, OpenRouterFake.managementKeyBody()));
		for (int daysAgo = 1; daysAgo <= 7; daysAgo++) {
			SERVER.stubFor(activity(key, this.today.minusDays(daysAgo))
				.willReturn((daysAgo == 4) ? json(503, error(503, "No provider available"))
						: json(200, dayOf(this.today.minusDays(daysAgo), "0.01"))));
		}

		Response synced = this.api.post("/api/keys/" + id + "/sync", "").as(member.apiKey()).send();

		assertThat(synced.status()).isEqualTo(502);
		assertThat(synced.json().get("message").asString()).contains("503: No provider available");
		assertThat(this.api.get("/api/usage?key_id=" + id).as(member.apiKey()).send().json().get("total").asLong())
			.isZero();
	}

	@Test
	void showsMembersOnlyTheirOwnUsageAndAdminsEveryonesOrOneUsers() {
		User alice = this.users.member();
		User bob = this.users.member();
		String alicesKey = syncedOrdinaryKey(alice, "1");
		String bobsKey = syncedOrdinaryKey(bob, "2");

		JsonNode alicesView = this.api.get("/api/usage?page_size=100").as(alice.apiKey()).send().json();
		assertThat(alicesView.findValuesAsString("api_key_id")).containsOnly(alicesKey);
		assertThat(this.api.get("/api/usage?key_id=" + bobsKey).as(alice.apiKey()).send().json().get("total").asLong())
			.isZero();
		assertThat(this.api.get("/api/usage?user_id=" + bob.id()).as(alice.apiKey()).send().status()).isEqualTo(403);
		JsonNode bobsForAdmin = this.api.get("/api/usage?user_id=" + bob.id()).send().json();
		assertThat(bobsForAdmin.findValuesAsString("api_key_id")).containsOnly(bobsKey);
		assertThat(this.api.get("/api/usage?page_size=100").send().json().get("total").asLong())
			.isGreaterThanOrEqualTo(2);
	}

	@Test
	void keepsUsageOfADeletedKeyUnlessPurged() {
		User member = this.users.member();
		String kept = syncedOrdinaryKey(member, "1");
		String purged = syncedOrdinaryKey(member, "2");

		this.api.delete("/api/keys/" + kept).as(member.apiKey()).send();
		this.api.delete("/api/keys/" + purged + "?purge=true").as(member.apiKey()).send();

		assertThat(this.api.get("/api/usage?key_id=" + kept).as(member.apiKey()).send().json().get("total").asLong())
			.isOne();
		assertThat(this.api.get("/api/usage?key_id=" + purged).as(member.apiKey()).send().json().get("total").asLong())
			.isZero();
	}

	@Test
	void groupsTotalsByDayOrByModelWithFilters() {
		User member = this.users.member();
		String key = OpenRouterFake.newKey();
		String id = addKey(this.api, member, key);
		stubManagementKey(key, "0.015");
		this.api.post("/api/keys/" + id + "/sync", "").as(member.apiKey()).send();
		String from = this.today.minusDays(3).toString();
		String to = this.today.minusDays(2).toString();

		JsonNode byDay = this.api.get("/api/usage/summary?group_by=day&from=" + from + "&to=" + to)
			.as(member.apiKey())
			.send()
			.json();
		JsonNode byModel = this.api.get("/api/usage/summary?group_by=model").as(member.apiKey()).send().json();
		JsonNode oneModel = this.api.get("/api/usage?model=" + CLAUDE).as(member.apiKey()).send().json();

		assertThat(byDay.get("group_by").asString()).isEqualTo("day");
		assertThat(byDay.get("items").findValuesAsString("date")).containsExactly(from, to);
		assertThat(byDay.get("items").get(0).get("requests_count").asLong()).isEqualTo(8);
		assertThat(byDay.get("items").get(0).get("cost").asString()).isEqualTo("0.024");
		assertThat(byDay.get("total").get("requests_count").asLong()).isEqualTo(16);
		assertThat(byModel.get("items").findValuesAsString("model")).containsExactly(CLAUDE, GPT);
		assertThat(byModel.get("items").get(0).get("tokens_output").asLong()).isEqualTo(7 * 40);
		assertThat(byModel.get("items").get(0).has("date")).isFalse();
		assertThat(oneModel.get("total").asLong()).isEqualTo(7);
		assertThat(this.api.get("/api/usage/summary?group_by=week").as(member.apiKey()).send().status()).isEqualTo(400);
		assertThat(this.api.get("/api/usage?from=yesterday").as(member.apiKey()).send().status()).isEqualTo(400);
		assertThat(this.api.get("/api/usage?from=" + to + "&to=" + from).as(member.apiKey()).send().status())
			.isEqualTo(400);
	}

	@Test
	void syncsEveryActiveKeyAndOneFailureStopsNoOther() {
		User member = this.users.member();
		String goodKey = OpenRouterFake.newKey();
		String good = syncedOrdinaryKey(member, goodKey, "1");
		String refusedKey = OpenRouterFake.newKey();
		String refused = addKey(this.api, member, refusedKey, json(401, error(401, "User not found.")));
		String inactive = addKey(this.api, member, OpenRouterFake.newKey());
		this.api.patch("/api/keys/" + inactive, "{\"is_active\":false}").as(member.apiKey()).send();
		SERVER.stubFor(keyInfo(goodKey).willReturn(ordinaryKey("9.5")));

		RunCounts counts = this.sync.syncAll();

		assertThat(counts.failed()).isGreaterThanOrEqualTo(1);
		assertThat(counts.succeeded()).isGreaterThanOrEqualTo(1);
		JsonNode usage = this.api.get("/api/usage?key_id=" + good).as(member.apiKey()).send().json();
		assertThat(usage.get("items").get(0).get("cost").asString()).isEqualTo("9.5");
		assertThat(this.api.get("/api/keys/" + refused).as(member.apiKey()).send().json().get("is_active").asBoolean())
			.isFalse();
		assertThat(
				this.api.get("/api/keys/" + inactive).as(member.apiKey()).send().json().get("last_synced_at").isNull())
			.isTrue();
	}

	@Test
	void deletesUsageOlderThanTheRetention() {
		UUID keyId = UUID.randomUUID();
		UUID owner = UUID.fromString(this.users.member().id());
		LocalDate old = this.today.minusDays(this.properties.usageStatsRetentionDays() + 1);
		LocalDate recent = this.today.minusDays(this.properties.usageStatsRetentionDays() - 1);
		for (LocalDate day : List.of(old, recent)) {
			this.jdbc.sql("""
					insert into usage_stats (api_key_id, usage_date, model, user_id, requests_count, tokens_input,
					    tokens_output, cost, synced_at) values (:key, :day, 'm', :user, 1, 1, 1, 0.5, :at)""")
				.param("key", keyId)
				.param("day", day)
				.param("user", owner)
				.param("at", OffsetDateTime.now(ZoneOffset.UTC))
				.update();
		}

		assertThat(this.cleanup.run()).isGreaterThanOrEqualTo(1);

		assertThat(this.jdbc.sql("select usage_date from usage_stats where api_key_id = :key")
			.param("key", keyId)
			.query(LocalDate.class)
			.list()).containsExactly(recent);
	}

	@Test
	void reEncryptsEveryKeyUnderANewPrimaryKeyAndBack() throws IOException {
		User member = this.users.member();
		String key = OpenRouterFake.newKey();
		UUID id = UUID.fromString(addKey(this.api, member, key));
		String oldKey = Files.readString(this.dataDirectory.resolve(EncryptionKeys.FILE)).strip();
		String newKey = EncryptionKeys.generate();
		KeyEncryption rotated = new KeyEncryption(EncryptionKeys.keyset(newKey + "," + oldKey));

		RunCounts moved = new KeyReEncryption(this.keys, rotated).run();

		byte[] ciphertext = this.keys.find(id).orElseThrow().ciphertext();
		assertThat(moved.succeeded()).isGreaterThanOrEqualTo(1);
		assertThat(rotated.isUnderPrimaryKey(ciphertext)).isTrue();
		assertThat(rotated.decrypt(ciphertext, id)).isEqualTo(key);
		assertThat(this.encryption.isUnderPrimaryKey(ciphertext)).isFalse();
		assertThat(new KeyReEncryption(this.keys, rotated).run().keys()).isZero();

		KeyEncryption back = new KeyEncryption(EncryptionKeys.keyset(oldKey + "," + newKey));
		new KeyReEncryption(this.keys, back).run();
		assertThat(this.encryption.decrypt(this.keys.find(id).orElseThrow().ciphertext(), id)).isEqualTo(key);
	}

	private String syncedOrdinaryKey(User user, String usageDaily) {
		return syncedOrdinaryKey(user, OpenRouterFake.newKey(), usageDaily);
	}

	private String syncedOrdinaryKey(User user, String key, String usageDaily) {
		String id = addKey(this.api, user, key, ordinaryKey(usageDaily));
		assertThat(this.api.post("/api/keys/" + id + "/sync", "").as(user.apiKey()).send().status()).isEqualTo(200);
		return id;
	}

	/**
	 * Stubs a management key whose activity on each of the last 30 days has GPT on two
	 * provider endpoints (5 + 2 requests) and Claude on one.
	 */
	private void stubManagementKey(String key, String gptCost) {
		SERVER.stubFor(keyInfo(key).willReturn(json(200, OpenRouterFake.managementKeyBody())));
		for (int daysAgo = 1; daysAgo <= 30; daysAgo++) {
			SERVER.stubFor(activity(key, this.today.minusDays(daysAgo))
				.willReturn(json(200, dayOf(this.today.minusDays(daysAgo), gptCost))));
		}
	}

	private static String dayOf(LocalDate day, String gptCost) {
		return "{\"data\":[" + activityRow(day, GPT, "550e8400-e29b-41d4-a716-446655440000", 5, 50, 125, gptCost) + ","
				+ activityRow(day, GPT, "660e8400-e29b-41d4-a716-446655440000", 2, 20, 30, "0.005") + ","
				+ activityRow(day, CLAUDE, "770e8400-e29b-41d4-a716-446655440000", 1, 10, 40, "0.004") + "]}";
	}

	private static JsonNode row(JsonNode page, LocalDate day, String model) {
		for (JsonNode item : page.get("items").values()) {
			if (item.get("date").asString().equals(day.toString()) && item.get("model").asString().equals(model)) {
				return item;
			}
		}
		throw new AssertionError("no row for " + day + " " + model + " in " + page);
	}

}
