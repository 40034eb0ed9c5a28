package io.costlens.providers;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.costlens.TestApi;
import io.costlens.TestApi.Response;
import io.costlens.TestUsers;
import io.costlens.TestUsers.User;

import static io.costlens.providers.OpenRouterFake.SERVER;
import static io.costlens.providers.OpenRouterFake.addKey;
import static io.costlens.providers.OpenRouterFake.error;
import static io.costlens.providers.OpenRouterFake.json;
import static io.costlens.providers.OpenRouterFake.keyInfo;
import static io.costlens.providers.OpenRouterFake.ordinaryKey;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the alerts on provider syncs and keys read, at the scrape path: syncs by outcome,
 * the age of the stalest active key's last sync, and keys OpenRouter refused.
 */
@WithOpenRouterFake
class ProviderMetricsIntegrationTests {

	@Autowired
	TestApi api;

	@Autowired
	TestUsers users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MeterRegistry meters;

	@Test
	void countsSyncsBySuccessAndByHowOpenRouterFailed() {
		User member = this.users.member();
		String good = OpenRouterFake.newKey();
		String goodId = addKey(this.api, member, good, ordinaryKey("1.5"));
		String limited = OpenRouterFake.newKey();
		String limitedId = addKey(this.api, member, limited, json(429, error(429, "Rate limit exceeded")));
		double successes = syncs("success");
		double rateLimited = syncs("rate_limited");

		assertThat(this.api.post("/api/keys/" + goodId + "/sync", "").as(member.apiKey()).send().status())
			.isEqualTo(200);
		assertThat(this.api.post("/api/keys/" + limitedId + "/sync", "").as(member.apiKey()).send().status())
			.isEqualTo(502);

		assertThat(syncs("success")).isEqualTo(successes + 1);
		assertThat(syncs("rate_limited")).isEqualTo(rateLimited + 1);
		assertThat(scrape()).contains("costlens_providers_syncs_total{", "outcome=\"rate_limited\"");
	}

	@Test
	void countsAKeyOpenRouterRefusesOnceAsInvalidated() {
		User member = this.users.member();
		String key = OpenRouterFake.newKey();
		String id = addKey(this.api, member, key, json(401, error(401, "User not found.")));
		double invalidated = invalidated();

		this.api.post("/api/keys/" + id + "/validate", "").as(member.apiKey()).send();
		this.api.post("/api/keys/" + id + "/validate", "").as(member.apiKey()).send();

		assertThat(invalidated()).isEqualTo(invalidated + 1);
		assertThat(this.api.get("/api/keys/" + id).as(member.apiKey()).send().json().get("is_active").asBoolean())
			.isFalse();
	}

	@Test
	void reportsHowLongAgoTheStalestActiveKeyLastSynced() {
		User member = this.users.member();
		String key = OpenRouterFake.newKey();
		String id = addKey(this.api, member, key, ordinaryKey("2"));
		this.jdbc.sql("update provider_keys set last_synced_at = :at where id = :id")
			.param("at", OffsetDateTime.now(ZoneOffset.UTC).minusHours(5))
			.param("id", UUID.fromString(id))
			.update();

		assertThat(syncAge()).isGreaterThanOrEqualTo(Duration.ofHours(5).toSeconds());

		this.api.post("/api/keys/" + id + "/sync", "").as(member.apiKey()).send();
		this.api.patch("/api/keys/" + id, "{\"is_active\":false}").as(member.apiKey()).send();
		assertThat(syncAge()).isLessThan(Duration.ofHours(5).toSeconds());
	}

	private double syncs(String outcome) {
		return this.meters.find("costlens.providers.syncs")
			.tag("outcome", outcome)
			.counters()
			.stream()
			.mapToDouble((counter) -> counter.count())
			.sum();
	}

	private double invalidated() {
		return this.meters.get("costlens.providers.keys.invalidated").counter().count();
	}

	private double syncAge() {
		String line = scrape().lines()
			.filter((l) -> l.startsWith("costlens_providers_sync_age_seconds"))
			.findFirst()
			.orElseThrow();
		return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
	}

	private String scrape() {
		Response scrape = this.api.get("/actuator/prometheus").send();
		assertThat(scrape.status()).isEqualTo(200);
		return scrape.body();
	}

}
