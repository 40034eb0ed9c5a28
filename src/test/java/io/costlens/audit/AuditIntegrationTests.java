package io.costlens.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.costlens.IntegrationTest;
import io.costlens.TestApi;
import io.costlens.TestApi.Response;
import io.costlens.TestUsers;
import io.costlens.TestUsers.User;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit log: events become chained entries; admins list them and verify the chain.
 */
@IntegrationTest
class AuditIntegrationTests {

	@Autowired
	TestApi api;

	@Autowired
	TestUsers users;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Audit audit;

	@Test
	void recordsPublishedEventsAndFiltersThem() {
		String resource = UUID.randomUUID().toString();

		this.events.publishEvent(new AuditEvent("alice", "scenario.created", "create", "scenario", resource,
				Map.of("name", "checkout"), "192.0.2.7"));

		Response page = this.api.get("/api/v2/audit?resource_type=scenario&resource_id=" + resource).send();
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.json().get("total").asLong()).isOne();
		JsonNode entry = page.json().get("items").get(0);
		assertThat(entry.get("actor").asString()).isEqualTo("alice");
		assertThat(entry.get("event_type").asString()).isEqualTo("scenario.created");
		assertThat(entry.get("details").get("name").asString()).isEqualTo("checkout");
		assertThat(entry.get("client_ip").asString()).isEqualTo("192.0.2.7");
		assertThat(entry.get("hash").asString()).hasSize(64);
		assertThat(page.json().get("page").asInt()).isOne();
		assertThat(page.json().get("page_size").asInt()).isEqualTo(20);
	}

	@Test
	void recordsApiKeyCreationAndRevocation() {
		User user = this.users.member();

		this.api.delete("/api/v2/api-keys/" + user.apiKeyId()).send();

		Response page = this.api.get("/api/v2/audit?resource_type=api_key&resource_id=" + user.apiKeyId()).send();
		assertThat(page.json().get("items").findValuesAsString("event_type")).containsExactly("api_key.revoked",
				"api_key.created");
	}

	@Test
	void verifiesAnIntactChain() {
		this.events.publishEvent(AuditEvent.of("bob", "test.event", "touch", null, null, null));

		Response verify = this.api.get("/api/v2/audit/verify").send();

		assertThat(verify.status()).isEqualTo(200);
		assertThat(verify.json().get("valid").asBoolean()).isTrue();
		assertThat(verify.json().get("checked").asLong()).isPositive();
		assertThat(verify.json().get("first_broken_id").isNull()).isTrue();
	}

	@Test
	void namesTheRowThatWasEditedInTheDatabase() {
		String resource = UUID.randomUUID().toString();
		this.events.publishEvent(AuditEvent.of("carol", "test.event", "create", "thing", resource, null));
		this.events.publishEvent(AuditEvent.of("carol", "test.event", "update", "thing", resource, null));
		this.audit.seal();
		long id = this.jdbc.sql("select min(id) from audit_log where resource_id = :id")
			.param("id", resource)
			.query(Long.class)
			.single();
		this.jdbc.sql("update audit_log set actor = 'mallory' where id = :id").param("id", id).update();
		try {
			Response verify = this.api.get("/api/v2/audit/verify").send();

			assertThat(verify.json().get("valid").asBoolean()).isFalse();
			assertThat(verify.json().get("first_broken_id").asLong()).isEqualTo(id);
		}
		finally {
			this.jdbc.sql("update audit_log set actor = 'carol' where id = :id").param("id", id).update();
		}
		assertThat(this.api.get("/api/v2/audit/verify").send().json().get("valid").asBoolean()).isTrue();
	}

	@Test
	void keepsOneChainUnderConcurrentAppends() throws Exception {
		List<Future<?>> appends = new ArrayList<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
			for (int i = 0; i < 40; i++) {
				int n = i;
				appends.add(pool.submit(() -> this.events
					.publishEvent(AuditEvent.of("load", "test.concurrent", "append", "n", String.valueOf(n), null))));
			}
			for (Future<?> append : appends) {
				append.get();
			}
		}

		assertThat(this.api.get("/api/v2/audit/verify").send().json().get("valid").asBoolean()).isTrue();
	}

	@Test
	void showsTheLogToAdminsOnly() {
		User member = this.users.member();

		assertThat(this.api.get("/api/v2/audit").as(member.apiKey()).send().status()).isEqualTo(403);
		assertThat(this.api.get("/api/v2/audit/verify").as(member.apiKey()).send().status()).isEqualTo(403);
	}

}
