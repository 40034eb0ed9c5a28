package io.costlens.demo;

import java.util.UUID;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;

import io.costlens.IntegrationTest;
import io.costlens.OwnH2Database;
import io.costlens.TestApi;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --costlens.demo=true} on an empty database fills every module with a month of
 * sample activity that the API shows at once, and never loads into a database with data.
 */
class DemoIntegrationTests {

	@Nested
	@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
			properties = { "spring.datasource.url=jdbc:h2:mem:demo" + OwnH2Database.OPTIONS, OwnH2Database.NO_SCHEMA,
					OwnH2Database.USER, "costlens.demo=true" })
	@Import(TestApi.class)
	class OnAnEmptyDatabase {

		@Autowired
		TestApi api;

		@Autowired
		Demo demo;

		@Test
		void showsRealNumbersInEveryModule() {
			JsonNode scenarios = this.api.get("/api/v2/scenarios").send().json();
			assertThat(scenarios.get("total").asLong()).isEqualTo(3);
			String checkout = null;
			for (JsonNode scenario : scenarios.get("items")) {
				if (scenario.get("name").asString().equals("checkout-api")) {
					checkout = scenario.get("id").asString();
				}
			}
			JsonNode metrics = this.api.get("/api/v2/scenarios/" + checkout + "/metrics").send().json();
			assertThat(metrics.get("summary").get("total_requests").asLong()).isGreaterThan(2000);
			assertThat(this.api.get("/api/v2/scenarios/" + checkout + "/logs?has_pii=true")
				.send()
				.json()
				.get("total")
				.asLong()).isPositive();

			assertThat(this.api.get("/api/v2/models").send().json().size()).isEqualTo(3);
			assertThat(this.api.get("/api/v2/stats?model_name=fraud_score_v7")
				.send()
				.json()
				.get("total_requests")
				.asLong()).isGreaterThan(300);
			JsonNode keys = this.api.get("/api/v2/keys").send().json();
			assertThat(keys.toString()).contains("team-production", "team-staging");
			assertThat(keys.get("items").get(0).get("key_preview").asString())
				.as("the two demo keys can be told apart by their previews")
				.isNotEqualTo(keys.get("items").get(1).get("key_preview").asString());
			assertThat(this.api.get("/api/v2/usage/summary").send().json().get("total").toString()).contains("cost");
			assertThat(this.api.get("/api/v2/sessions").send().json().get("total_count").asLong()).isGreaterThan(50);
			assertThat(this.api.get("/api/v2/metrics?since=30")
				.send()
				.json()
				.get("commit_frequency")
				.get("status")
				.asString()).isNotEqualTo("no_data");
			assertThat(this.api.get("/api/v2/audit").send().json().get("total").asLong()).isPositive();
		}

		@Test
		void loadsOnlyOnce() {
			Demo.Result again = this.demo.loadIfEmpty();

			assertThat(again.loaded()).isFalse();
			assertThat(again.message()).contains("empty installation");
			assertThat(this.api.get("/api/v2/scenarios").send().json().get("total").asLong()).isEqualTo(3);
		}

	}

	@Nested
	@IntegrationTest
	class OnADatabaseWithData {

		@Autowired
		TestApi api;

		@Autowired
		Demo demo;

		@Test
		void refusesToLoadAndChangesNothing() {
			this.api.post("/api/v2/scenarios", "{\"name\":\"mine-" + UUID.randomUUID() + "\"}").send();
			long before = this.api.get("/api/v2/scenarios").send().json().get("total").asLong();

			assertThat(this.demo.isEmpty()).isFalse();
			assertThat(this.demo.loadIfEmpty().loaded()).isFalse();
			assertThat(this.api.get("/api/v2/scenarios").send().json().get("total").asLong()).isEqualTo(before);
		}

	}

}
