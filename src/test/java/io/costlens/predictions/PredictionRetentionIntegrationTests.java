package io.costlens.predictions;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import io.costlens.IntegrationTest;
import io.costlens.TestApi;
import io.costlens.TestApi.Response;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Retention of predictions: rows past their age go in small batches, roll-ups stay for
 * their own (longer) retention, so stats over days whose rows are gone still count them.
 */
@IntegrationTest
@TestPropertySource(
		properties = { "costlens.predictions.retention.age=30d", "costlens.predictions.retention.rollups=60d",
				"costlens.predictions.retention.batch-size=7", "costlens.predictions.retention.batch-pause=0ms" })
@DirtiesContext
class PredictionRetentionIntegrationTests {

	@Autowired
	TestApi api;

	@Autowired
	PredictionRetention retention;

	@Test
	void deletesOldPredictionsInBatchesAndKeepsTheirStatsForTheRollupRetention() {
		String model = "retention-" + UUID.randomUUID();
		Instant now = Instant.now();
		Instant ancient = now.minus(90, ChronoUnit.DAYS);
		Instant old = now.minus(40, ChronoUnit.DAYS);
		Instant recent = now.minus(1, ChronoUnit.DAYS);
		log(model, ancient, 9);
		log(model, old, 20);
		log(model, recent, 5);

		this.retention.run();

		Response listed = this.api.get("/api/v1/predictions?model_name=" + model + "&limit=1000").send();
		assertThat(listed.header("X-Total-Count")).isEqualTo("5");
		assertThat(total(model, old)).as("rows gone, roll-ups kept").isEqualTo(20);
		assertThat(total(model, ancient)).as("past the roll-up retention too").isZero();
		assertThat(total(model, recent)).isEqualTo(5);
	}

	@Test
	void sweptRollupsLeaveTheCachedStatsAndModels() {
		String model = "retention-cached-" + UUID.randomUUID();
		Instant ancient = Instant.now().minus(90, ChronoUnit.DAYS);
		log(model, ancient, 3);
		assertThat(total(model, ancient)).as("read, and cached").isEqualTo(3);
		assertThat(this.api.get("/api/v1/models").send().body()).contains(model);

		this.retention.run();

		assertThat(total(model, ancient)).as("the cached stats of the swept day").isZero();
		assertThat(this.api.get("/api/v1/models").send().body()).as("the cached models").doesNotContain(model);
	}

	private long total(String model, Instant day) {
		LocalDate date = LocalDate.ofInstant(day, ZoneOffset.UTC);
		Response stats = this.api.get("/api/v1/stats?model_name=" + model + "&from_date=" + date + "&to_date=" + date)
			.send();
		assertThat(stats.status()).as(stats.body()).isEqualTo(200);
		return stats.json().get("total_requests").asLong();
	}

	private void log(String model, Instant at, int count) {
		List<String> items = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			items.add("{\"model_name\":\"" + model + "\",\"duration_ms\":" + (10 + i)
					+ ",\"was_successful\":true,\"timestamp\":\"" + at.plusSeconds(i) + "\"}");
		}
		Response response = this.api.post("/api/v1/predict-log/batch", "[" + String.join(",", items) + "]").send();
		assertThat(response.status()).as(response.body()).isEqualTo(201);
	}

}
