package io.costlens.bench;

import java.time.Duration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.FeederBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.forever;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.percent;
import static io.gatling.javaapi.core.CoreDsl.rampConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.randomSwitch;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * The seed's target: many concurrent users, each signing in and then, with think time
 * between requests, ingesting logs, reading a scenario's metrics, logging predictions,
 * reading stats and listing scenarios and predictions, with now and then a new sign-in.
 * Settings (system properties): {@code costlens.url}, {@code costlens.scenario} (a running
 * scenario), {@code costlens.users-file} lines of {@code username,password} (prepared by
 * run.sh), {@code users} (1000), {@code ramp} (120 s), {@code hold} (120 s), {@code think.min}
 * and {@code think.max} (1 and 3 s). Passes when p95 &lt; 200 ms and nothing failed.
 */
public class CostlensSimulation extends Simulation {

	private static final String URL = System.getProperty("costlens.url", "http://127.0.0.1:18520");

	private static final String SCENARIO = System.getProperty("costlens.scenario");

	private static final int USERS = Integer.getInteger("users", 1000);

	private static final Duration RAMP = Duration.ofSeconds(Long.getLong("ramp", 120));

	private static final Duration HOLD = Duration.ofSeconds(Long.getLong("hold", 120));

	private static final Duration THINK_MIN = Duration.ofMillis(Long.getLong("think.min", 1000));

	private static final Duration THINK_MAX = Duration.ofMillis(Long.getLong("think.max", 3000));

	private static final String MODEL = "gatling-model";

	private static final AtomicInteger CLIENTS = new AtomicInteger();

	private static final List<String> MESSAGES = List.of(
			"GET /api/v1/orders/4711 200 in 38 ms by worker-3, cache hit, upstream latency 12 ms, trace 5f1c2a",
			"payment accepted for order 9182, card 4111 1111 1111 1111, customer jane.doe@example.com, retry 0",
			"lambda cold start 812 ms, memory 1024 MB, queue depth 42, shard 7, session a81f-22, status ok",
			"upstream timeout after 3000 ms calling inventory from 10.0.4.17, retrying with backoff 200 ms",
			"user 51 signed in from 192.168.10.24 with MFA, session 7d3e, locale it-IT, agent Mozilla/5.0");

	/**
	 * Each user comes from an address of its own, as behind a reverse proxy (the server
	 * runs with {@code server.forward-headers-strategy=native}), so per-IP limits apply per
	 * user as they would in production, not to the one address of the load generator.
	 */
	private final HttpProtocolBuilder protocol = http.baseUrl(URL)
		.acceptHeader("application/json")
		.contentTypeHeader("application/json")
		.header("X-Forwarded-For", "#{client_ip}")
		.shareConnections();

	private final ChainBuilder signIn = exec(http("sign-in").post("/auth/token")
		.body(StringBody("{\"username\":\"#{username}\",\"password\":\"#{password}\"}"))
		.check(status().is(200), jsonPath("$.access_token").saveAs("token")));

	private final ChainBuilder ingest = exec(http("ingest").post("/ingest")
		.header("Authorization", "Bearer #{token}")
		.header("X-Scenario-ID", SCENARIO)
		.body(StringBody((session) -> "{\"message\":\""
				+ MESSAGES.get(ThreadLocalRandom.current().nextInt(MESSAGES.size())) + "\",\"source\":\"gatling\"}"))
		.check(status().is(202)));

	private final ChainBuilder predictLog = exec(http("predict-log").post("/api/v1/predict-log")
		.header("Authorization", "Bearer #{token}")
		.body(StringBody((session) -> "{\"model_name\":\"" + MODEL + "\",\"duration_ms\":"
				+ ThreadLocalRandom.current().nextInt(5, 400) + ",\"was_successful\":"
				+ (ThreadLocalRandom.current().nextInt(20) != 0) + "}"))
		.check(status().is(201)));

	private final ChainBuilder metrics = exec(
			http("metrics").get("/api/v1/scenarios/" + SCENARIO + "/metrics").header("Authorization", "Bearer #{token}")
				.check(status().is(200)));

	private final ChainBuilder stats = exec(http("stats").get("/api/v1/stats?model_name=" + MODEL)
		.header("Authorization", "Bearer #{token}")
		.check(status().is(200)));

	private final ChainBuilder listScenarios = exec(http("list scenarios").get("/api/v1/scenarios?page_size=20")
		.header("Authorization", "Bearer #{token}")
		.check(status().is(200)));

	private final ChainBuilder listPredictions = exec(
			http("list predictions").get("/api/v1/predictions?model_name=" + MODEL + "&limit=20")
				.header("Authorization", "Bearer #{token}")
				.check(status().is(200)));

	private final ScenarioBuilder users = scenario("Costlens users").feed(accounts())
		.exec((session) -> session.set("client_ip", clientIp(CLIENTS.incrementAndGet())))
		.exec(this.signIn)
		.exitHereIfFailed()
		.exec(forever().on(pause(THINK_MIN, THINK_MAX).exec(randomSwitch().on(percent(35.0).then(this.ingest),
				percent(20.0).then(this.predictLog), percent(15.0).then(this.metrics), percent(12.0).then(this.stats),
				percent(9.0).then(this.listScenarios), percent(8.0).then(this.listPredictions),
				percent(1.0).then(this.signIn)))));

	{
		if (SCENARIO == null) {
			throw new IllegalStateException("Set -Dcostlens.scenario to a running scenario (bench/gatling/run.sh does)");
		}
		setUp(this.users.injectClosed(rampConcurrentUsers(0).to(USERS).during(RAMP),
				constantConcurrentUsers(USERS).during(HOLD)))
			.protocols(this.protocol)
			.maxDuration(RAMP.plus(HOLD))
			.assertions(global().responseTime().percentile(95.0).lt(200), global().failedRequests().count().is(0L));
	}

	private static String clientIp(int n) {
		return "10." + ((n >> 16) & 255) + "." + ((n >> 8) & 255) + "." + (n & 255);
	}

	private static FeederBuilder<Object> accounts() {
		List<String> lines = readAccounts();
		List<Map<String, Object>> records = IntStream.range(0, lines.size()).mapToObj((i) -> {
			String[] parts = lines.get(i).split(",", 2);
			return Map.<String, Object>of("username", parts[0], "password", parts[1]);
		}).toList();
		return listFeeder(records).circular();
	}

	private static List<String> readAccounts() {
		String file = System.getProperty("costlens.users-file");
		if (file == null) {
			throw new IllegalStateException("Set -Dcostlens.users-file (lines of username,password; run.sh writes it)");
		}
		try {
			return Files.readAllLines(Path.of(file))
				.stream()
				.filter((line) -> !line.isBlank())
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
