package io.costlens.predictions;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.costlens.IntegrationTest;
import io.costlens.TestApi;
import io.costlens.TestApi.Response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

@IntegrationTest
class PredictionsIntegrationTests {

	@Autowired
	TestApi api;

	@Autowired
	JdbcClient jdbc;

	private final String model = "model-" + UUID.randomUUID();

	@Test
	void logsAPredictionAsTheOriginalServiceDid() {
		Response created = this.api.post("/api/v1/predict-log", """
				{"model_name": "%s", "duration_ms": 124, "was_successful": true,
				 "timestamp": "2025-06-09T12:00:00"}""".formatted(this.model)).send();

		assertThat(created.status()).isEqualTo(201);
		JsonNode body = created.json();
		assertThat(body.get("id").isIntegralNumber()).isTrue();
		assertThat(body.get("model_name").asString()).isEqualTo(this.model);
		assertThat(body.get("duration_ms").asInt()).isEqualTo(124);
		assertThat(body.get("was_successful").asBoolean()).isTrue();
		assertThat(body.get("timestamp").asString()).isEqualTo("2025-06-09T12:00:00Z");

		Response read = this.api.get("/api/v1/predictions/" + body.get("id").asLong()).send();
		assertThat(read.status()).isEqualTo(200);
		assertThat(read.json()).isEqualTo(body);
	}

	@Test
	void readsTimesWithAnOffsetAndAnswersInUtc() {
		JsonNode body = log("""
				{"model_name": "%s", "duration_ms": 5, "was_successful": false,
				 "timestamp": "2025-06-09T14:30:00.123456+02:00"}""".formatted(this.model));

		assertThat(body.get("timestamp").asString()).isEqualTo("2025-06-09T12:30:00.123456Z");
	}

	@Test
	void stampsPredictionsWithoutATimeWithNow() {
		Instant before = Instant.now().minusSeconds(1);

		JsonNode body = log(
				"{\"model_name\": \"%s\", \"duration_ms\": 1, \"was_successful\": true}".formatted(this.model));

		assertThat(Instant.parse(body.get("timestamp").asString())).isBetween(before, Instant.now().plusSeconds(1));
	}

	@Test
	void answersStatsOverAKnownDatasetFromRollUps() {
		List<Row> rows = dataset(600, LocalDate.parse("2025-06-05"), 6);
		logBatch(rows);

		List<Row> inRange = between(rows, "2025-06-06", "2025-06-09");
		JsonNode stats = stats("from_date=2025-06-06&to_date=2025-06-09");

		assertStats(stats, inRange);
		assertThat(inRange.size()).isLessThan(rows.size()).isGreaterThan(100);
		assertStats(stats("from=2025-06-06&to=2025-06-09"), inRange);
		assertStats(stats(""), rows);
	}

	@Test
	void reflectsDeletesInTheStats() {
		List<Row> rows = new ArrayList<>(dataset(200, LocalDate.parse("2025-07-01"), 1));
		List<Long> ids = logBatch(rows);
		rows.sort(Comparator.comparingInt(Row::durationMs));
		Row longest = rows.get(rows.size() - 1);
		Row shortest = rows.get(0);
		List<Row> deleted = List.of(longest, shortest, rows.get(100), rows.get(101));

		for (Row row : deleted) {
			Response response = this.api.delete("/api/v1/predictions/" + row.id).send();
			assertThat(response.status()).isEqualTo(200);
			assertThat(response.json().get("message").asString()).isEqualTo("Prediction deleted");
		}

		List<Row> left = rows.stream().filter((r) -> !deleted.contains(r)).toList();
		assertThat(ids).hasSize(200);
		assertStats(stats("from_date=2025-07-01&to_date=2025-07-01"), left);
		assertThat(this.api.get("/api/v1/predictions/" + longest.id).send().status()).isEqualTo(404);
		assertThat(this.api.delete("/api/v1/predictions/" + longest.id).send().status()).isEqualTo(404);
	}

	@Test
	void keepsEveryRollUpEqualToItsRowsThroughInsertsAndDeletes() {
		List<Row> rows = new ArrayList<>(dataset(300, LocalDate.parse("2025-07-10"), 2));
		logBatch(rows);
		rows.sort(Comparator.comparingInt(Row::durationMs));
		for (int i = 0; i < rows.size(); i += 7) {
			assertThat(this.api.delete("/api/v1/predictions/" + rows.get(i).id).send().status()).isEqualTo(200);
		}
		assertThat(this.api.delete("/api/v1/predictions/" + rows.get(rows.size() - 1).id).send().status())
			.isEqualTo(200);

		Map<String, List<Object>> expected = new TreeMap<>();
		this.jdbc.sql("select duration_ms, was_successful, predicted_at from predictions where model_name = ?")
			.param(this.model)
			.query((ResultSet rs) -> {
				Instant at = rs.getObject("predicted_at", OffsetDateTime.class).toInstant();
				for (ChronoUnit unit : List.of(ChronoUnit.HOURS, ChronoUnit.DAYS)) {
					String key = ((unit == ChronoUnit.HOURS) ? "hour " : "day ") + at.truncatedTo(unit);
					List<Object> totals = expected.computeIfAbsent(key, (k) -> new ArrayList<>(
							List.of(0L, 0L, 0L, Integer.MAX_VALUE, 0, Instant.MAX, Instant.MIN)));
					int duration = rs.getInt("duration_ms");
					totals.set(0, (long) totals.get(0) + 1);
					totals.set(1, (long) totals.get(1) + (rs.getBoolean("was_successful") ? 1 : 0));
					totals.set(2, (long) totals.get(2) + duration);
					totals.set(3, Math.min((int) totals.get(3), duration));
					totals.set(4, Math.max((int) totals.get(4), duration));
					totals.set(5, ((Instant) totals.get(5)).isBefore(at) ? totals.get(5) : at);
					totals.set(6, ((Instant) totals.get(6)).isAfter(at) ? totals.get(6) : at);
				}
			});
		Map<String, List<Object>> stored = new TreeMap<>();
		this.jdbc.sql("select * from prediction_rollups where model_name = ?")
			.param(this.model)
			.query((ResultSet rs) -> {
				stored.put(
						rs.getString("bucket_span") + " "
								+ rs.getObject("bucket_start", OffsetDateTime.class).toInstant(),
						List.of(rs.getLong("request_count"), rs.getLong("success_count"), rs.getLong("duration_sum"),
								rs.getInt("duration_min"), rs.getInt("duration_max"),
								rs.getObject("first_at", OffsetDateTime.class).toInstant(),
								rs.getObject("last_at", OffsetDateTime.class).toInstant()));
				assertThat(DurationSketch.decode(rs.getBytes("duration_sketch")).getCount())
					.isEqualTo(rs.getLong("request_count"));
			});

		assertThat(stored).isEqualTo(expected).hasSizeGreaterThan(40);
	}

	@Test
	void forgetsAModelWhoseLastPredictionWasDeleted() {
		long id = log("{\"model_name\": \"%s\", \"duration_ms\": 3, \"was_successful\": true}".formatted(this.model))
			.get("id")
			.asLong();
		assertThat(models()).contains(this.model);

		this.api.delete("/api/v1/predictions/" + id).send();

		assertThat(models()).doesNotContain(this.model);
		JsonNode stats = stats("");
		assertThat(stats.get("total_requests").asLong()).isZero();
		assertThat(stats.get("average_duration_ms").asDouble()).isZero();
		assertThat(stats.get("p50_duration_ms").isNull()).isTrue();
	}

	@Test
	void putsEachDeleteOnTheAuditLogWithWhoMadeIt() {
		long id = log("{\"model_name\": \"%s\", \"duration_ms\": 3, \"was_successful\": true}".formatted(this.model))
			.get("id")
			.asLong();

		assertThat(this.api.delete("/api/v2/predictions/" + id).send().status()).isEqualTo(200);

		JsonNode entries = this.api
			.get("/api/v2/audit?event_type=prediction.deleted&resource_type=prediction&resource_id=" + id)
			.send()
			.json()
			.get("items");
		assertThat(entries).hasSize(1);
		assertThat(entries.get(0).get("actor").asString()).isEqualTo("admin");
		assertThat(entries.get(0).get("action").asString()).isEqualTo("delete");
		assertThat(entries.get(0).get("details").toString()).contains(this.model);
	}

	@Test
	void keepsModelNamesAsSent() {
		String name = "modèle\\v2 ✓ " + this.model;
		JsonNode body = log("{\"model_name\": \"%s\", \"duration_ms\": 7, \"was_successful\": true}"
			.formatted(name.replace("\\", "\\\\")));

		assertThat(body.get("model_name").asString()).isEqualTo(name);
		assertThat(this.api.get("/api/v1/predictions/" + body.get("id").asLong())
			.send()
			.json()
			.get("model_name")
			.asString()).isEqualTo(name);
		Response stats = this.api.get("/api/v1/stats?model_name=" + URLEncoder.encode(name, StandardCharsets.UTF_8))
			.send();
		assertThat(stats.json().get("total_requests").asLong()).isEqualTo(1);
	}

	@Test
	void answersZerosForAModelWithoutPredictions() {
		JsonNode stats = stats("from_date=2025-01-01&to_date=2025-01-31");

		assertThat(stats.get("total_requests").asLong()).isZero();
		assertThat(stats.get("successful_requests").asLong()).isZero();
		assertThat(stats.get("average_duration_ms").asDouble()).isZero();
		assertThat(stats.get("success_rate").asDouble()).isZero();
	}

	@Test
	void listsModelsWithTheirCountsAndLastTime() {
		logBatch(List.of(new Row(this.model, 10, true, Instant.parse("2025-08-01T10:00:00Z")),
				new Row(this.model, 20, false, Instant.parse("2025-08-03T09:15:00Z"))));

		JsonNode models = this.api.get("/api/v1/models").send().json();

		JsonNode mine = null;
		for (JsonNode m : models) {
			if (m.get("model_name").asString().equals(this.model)) {
				mine = m;
			}
		}
		assertThat(mine).isNotNull();
		assertThat(mine.get("total_requests").asLong()).isEqualTo(2);
		assertThat(mine.get("successful_requests").asLong()).isEqualTo(1);
		assertThat(mine.get("failed_requests").asLong()).isEqualTo(1);
		assertThat(mine.get("first_seen_at").asString()).isEqualTo("2025-08-01T10:00:00Z");
		assertThat(mine.get("last_seen_at").asString()).isEqualTo("2025-08-03T09:15:00Z");
	}

	@Test
	void listsNewestFirstWithFiltersPagingAndTotal() {
		List<Row> rows = dataset(30, LocalDate.parse("2025-09-01"), 3);
		logBatch(rows);
		String filter = "/api/v1/predictions?model_name=" + this.model;

		Response all = this.api.get(filter + "&limit=1000").send();
		assertThat(all.status()).isEqualTo(200);
		assertThat(all.header("X-Total-Count")).isEqualTo("30");
		List<Instant> times = new ArrayList<>();
		all.json().forEach((p) -> times.add(Instant.parse(p.get("timestamp").asString())));
		assertThat(times).hasSize(30).isSortedAccordingTo(Comparator.reverseOrder());

		Response page = this.api.get(filter + "&limit=5&offset=5").send();
		assertThat(page.json()).hasSize(5);
		assertThat(page.json().get(0)).isEqualTo(all.json().get(5));
		assertThat(page.header("X-Total-Count")).isEqualTo("30");

		long onSecondDay = rows.stream()
			.filter((r) -> r.timestamp.atOffset(ZoneOffset.UTC).toLocalDate().equals(LocalDate.parse("2025-09-02")))
			.count();
		Response oneDay = this.api.get(filter + "&from=2025-09-02&to=2025-09-02").send();
		assertThat(oneDay.header("X-Total-Count")).isEqualTo(String.valueOf(onSecondDay));
		Response byTime = this.api.get(filter + "&from=2025-09-02T00:00:00Z&to=2025-09-02T23:59:59.999999").send();
		assertThat(byTime.header("X-Total-Count")).isEqualTo(String.valueOf(onSecondDay));
	}

	@Test
	void listsAHundredByDefaultAndAtMostAThousand() {
		logBatch(dataset(120, LocalDate.parse("2025-10-01"), 1));

		assertThat(this.api.get("/api/v1/predictions?model_name=" + this.model).send().json()).hasSize(100);
		Response tooMany = this.api.get("/api/v1/predictions?limit=1001").send();
		assertThat(tooMany.status()).isEqualTo(400);
		assertThat(tooMany.json().get("errors").get(0).get("field").asString()).isEqualTo("limit");
		assertThat(this.api.get("/api/v1/predictions?offset=-1").send().status()).isEqualTo(400);
	}

	@Test
	void rejectsBadPredictionsAndStoresNothing() {
		long before = total();

		assertRejected("{\"model_name\": \"%s\", \"duration_ms\": -1, \"was_successful\": true}", "duration_ms");
		assertRejected("{\"duration_ms\": 10, \"was_successful\": true}", "model_name");
		assertRejected("{\"model_name\": \"  \", \"duration_ms\": 10, \"was_successful\": true}", "model_name");
		assertRejected("{\"model_name\": \"bad\\tname\", \"duration_ms\": 10, \"was_successful\": true}", "model_name");
		assertRejected("{\"model_name\": \"%s\", \"duration_ms\": 3000000000, \"was_successful\": true}",
				"duration_ms");
		assertRejected("{\"model_name\": \"%s\", \"was_successful\": true}", "duration_ms");
		assertRejected("{\"model_name\": \"%s\", \"duration_ms\": 10}", "was_successful");
		assertRejected("{\"model_name\": \"%s\", \"duration_ms\": \"slow\", \"was_successful\": true}", "duration_ms");
		assertRejected("{\"model_name\": \"%s\", \"duration_ms\": 1, \"was_successful\": true, "
				+ "\"timestamp\": \"yesterday\"}", "timestamp");
		assertRejected("{\"model_name\": \"%s\", \"duration_ms\": 1, \"was_successful\": true, "
				+ "\"timestamp\": \"2025-13-45T10:00:00\"}", "timestamp");

		assertThat(total()).isEqualTo(before);
	}

	@Test
	void rejectsAWholeBatchWhenOneItemIsBadNamingItByIndex() {
		long before = total();
		String good = "{\"model_name\": \"%s\", \"duration_ms\": 10, \"was_successful\": true}".formatted(this.model);
		String bad = "{\"model_name\": \"%s\", \"duration_ms\": -5, \"was_successful\": true}".formatted(this.model);

		Response response = this.api
			.post("/api/v1/predict-log/batch", "[" + String.join(",", good, good, good, bad, good) + "]")
			.send();

		assertThat(response.status()).isEqualTo(422);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("[3].duration_ms");
		assertThat(total()).isEqualTo(before);
		assertThat(this.api.post("/api/v1/predict-log/batch", "[]").send().status()).isEqualTo(400);
	}

	@Test
	void rejectsBadStatsQueries() {
		assertBadQuery("/api/v1/stats?from_date=2025-06-01", "model_name");
		assertBadQuery("/api/v1/stats?model_name=m&from_date=2024-13-45", "from_date");
		assertBadQuery("/api/v1/stats?model_name=m&to=June", "to:");
		assertBadQuery("/api/v1/stats?model_name=m&from=2025-06-01&from_date=2025-06-02", "twice");
		assertBadQuery("/api/v1/stats?model_name=m&from_date=2025-06-09&to_date=2025-06-01", "after");
		assertBadQuery("/api/v1/predictions?from=someday", "from");
	}

	@Test
	void sharesCommitsBetweenConcurrentRequestsAndLosesNone() throws Exception {
		int clients = 16;
		int each = 25;
		try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
			List<Future<List<Long>>> futures = new ArrayList<>();
			for (int c = 0; c < clients; c++) {
				futures.add(pool.submit(() -> {
					List<Long> ids = new ArrayList<>();
					for (int i = 0; i < each; i++) {
						ids.add(log("{\"model_name\": \"%s\", \"duration_ms\": %d, \"was_successful\": true}"
							.formatted(this.model, i)).get("id").asLong());
					}
					return ids;
				}));
			}
			List<Long> ids = new ArrayList<>();
			for (Future<List<Long>> future : futures) {
				ids.addAll(future.get());
			}
			assertThat(ids).hasSize(clients * each).doesNotHaveDuplicates();
		}
		JsonNode stats = stats("");
		assertThat(stats.get("total_requests").asLong()).isEqualTo(clients * each);
		assertThat(stats.get("average_duration_ms").asDouble()).isEqualTo((each - 1) / 2.0);
		assertThat(this.api.get("/api/v1/predictions?model_name=" + this.model).send().header("X-Total-Count"))
			.isEqualTo(String.valueOf(clients * each));
	}

	@Test
	void needsAnApiKey() {
		assertThat(this.api.get("/api/v1/stats?model_name=m").anonymous().send().status()).isEqualTo(401);
		assertThat(this.api.post("/api/v1/predict-log", "{}").anonymous().send().status()).isEqualTo(401);
	}

	private void assertStats(JsonNode stats, List<Row> rows) {
		int[] sorted = rows.stream().mapToInt(Row::durationMs).sorted().toArray();
		long successes = rows.stream().filter(Row::wasSuccessful).count();
		long sum = rows.stream().mapToLong(Row::durationMs).sum();
		assertThat(stats.get("total_requests").asLong()).isEqualTo(rows.size());
		assertThat(stats.get("successful_requests").asLong()).isEqualTo(successes);
		assertThat(stats.get("failed_requests").asLong()).isEqualTo(rows.size() - successes);
		assertThat(stats.get("average_duration_ms").asDouble()).isEqualTo((double) sum / rows.size());
		assertThat(stats.get("success_rate").asDouble()).isEqualTo((double) successes / rows.size());
		assertThat(stats.get("min_duration_ms").asInt()).isEqualTo(sorted[0]);
		assertThat(stats.get("max_duration_ms").asInt()).isEqualTo(sorted[sorted.length - 1]);
		for (int p : new int[] { 50, 95, 99 }) {
			int exact = sorted[(int) Math.floor(p / 100.0 * (sorted.length - 1))];
			assertThat(stats.get("p" + p + "_duration_ms").asDouble()).as("p%d", p)
				.isCloseTo(exact, within(exact * 0.01 + 0.005));
		}
	}

	private void assertRejected(String json, String field) {
		Response response = this.api.post("/api/v1/predict-log", json.formatted(this.model)).send();
		assertThat(response.status()).as(json).isEqualTo(422);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().get("errors").findValuesAsString("field")).as(json).contains(field);
	}

	private void assertBadQuery(String path, String named) {
		Response response = this.api.get(path).send();
		assertThat(response.status()).as(path).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().get("error").asString()).isEqualTo("validation_error");
		assertThat(response.json().get("detail").asString()).as(path).contains(named);
	}

	private JsonNode log(String json) {
		Response response = this.api.post("/api/v1/predict-log", json).send();
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json();
	}

	private List<Long> logBatch(List<Row> rows) {
		String body = rows.stream().map(Row::json).reduce((a, b) -> a + "," + b).orElse("");
		Response response = this.api.post("/api/v1/predict-log/batch", "[" + body + "]").send();
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			ids.add(response.json().get(i).get("id").asLong());
			rows.get(i).id = ids.get(i);
		}
		return ids;
	}

	private JsonNode stats(String range) {
		Response response = this.api.get("/api/v1/stats?model_name=" + this.model + "&" + range).send();
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	private List<String> models() {
		List<String> names = new ArrayList<>();
		this.api.get("/api/v1/models").send().json().forEach((m) -> names.add(m.get("model_name").asString()));
		return names;
	}

	private long total() {
		return Long.parseLong(this.api.get("/api/v1/predictions?limit=1").send().header("X-Total-Count"));
	}

	/**
	 * Latencies with a long tail and some zeros, spread over {@code days} days from
	 * {@code start}.
	 */
	private List<Row> dataset(int count, LocalDate start, int days) {
		Random random = new Random(count);
		Instant from = start.atStartOfDay().toInstant(ZoneOffset.UTC);
		List<Row> rows = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			int duration = (i % 50 == 0) ? 0 : (int) Math.round(Math.exp(4 + random.nextGaussian()));
			Instant at = from.plusSeconds(random.nextLong(days * 86_400L)).plusNanos(random.nextInt(1000) * 1000);
			rows.add(new Row(this.model, duration, random.nextDouble() < 0.9, at));
		}
		return rows;
	}

	private static List<Row> between(List<Row> rows, String firstDay, String lastDay) {
		Instant from = LocalDate.parse(firstDay).atStartOfDay().toInstant(ZoneOffset.UTC);
		Instant until = LocalDate.parse(lastDay).plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
		return rows.stream().filter((r) -> !r.timestamp.isBefore(from) && r.timestamp.isBefore(until)).toList();
	}

	/** One prediction of a dataset, with the id it got once logged. */
	static final class Row {

		final String model;

		final int durationMs;

		final boolean wasSuccessful;

		final Instant timestamp;

		long id;

		Row(String model, int durationMs, boolean wasSuccessful, Instant timestamp) {
			this.model = model;
			this.durationMs = durationMs;
			this.wasSuccessful = wasSuccessful;
			this.timestamp = timestamp;
		}

		int durationMs() {
			return this.durationMs;
		}

		boolean wasSuccessful() {
			return this.wasSuccessful;
		}

		String json() {
			return "{\"model_name\": \"%s\", \"duration_ms\": %d, \"was_successful\": %b, \"timestamp\": \"%s\"}"
				.formatted(this.model, this.durationMs, this.wasSuccessful, this.timestamp);
		}

	}

}
