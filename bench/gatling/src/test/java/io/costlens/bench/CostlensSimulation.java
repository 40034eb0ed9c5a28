package io.costlens.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.FeederBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.during;
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
 * The seed's target, with the two kinds of client Costlens has in real use, each with a
 * credential of its own:
 * <ul>
 * <li><b>machine clients</b> ({@code services} of the {@code users}): ingest agents and
 * prediction loggers, each with an API key of its own ({@code X-API-Key}, as a service
 * sends it), that loop forever: {@code ingest.share} of them send a log to
 * {@code POST /ingest}, the rest log a prediction to {@code POST /api/v1/predict-log};</li>
 * <li><b>people</b> (the other users), each with an account of their own: a session
 * signs in once ({@code POST /auth/token}), reads a scenario's metrics, prediction stats,
 * the scenario list and the prediction list for {@code session.min}–{@code session.max}
 * seconds, and signs out ({@code POST /api/v2/auth/logout}); the next session (closed
 * model: a new one starts as one ends) is another person's, so sign-in stays part of the
 * mix at the rate sessions end.</li>
 * </ul>
 * Everyone pauses {@code think.min}–{@code think.max} between requests and comes from an
 * address of its own, as behind a reverse proxy (the server runs with
 * {@code server.forward-headers-strategy=native}), so per-IP limits apply per client as
 * in production. Settings (system properties): {@code costlens.url},
 * {@code costlens.scenario} (a running scenario), {@code costlens.accounts-file} (lines of
 * {@code username,password}), {@code costlens.keys-file} (one API key a line; run.sh
 * prepares both), {@code users} (1000), {@code services} (550), {@code ingest.share}
 * (0.64), {@code ramp} (120 s), {@code hold} (180 s), {@code think.min} and
 * {@code think.max} (1 and 3 s), {@code session.min} and {@code session.max} (120 and
 * 360 s). Passes when p95 &lt; 200 ms and nothing failed.
 */
public class CostlensSimulation extends Simulation {

	private static final String URL = System.getProperty("costlens.url", "http://127.0.0.1:18520");

	private static final String SCENARIO = System.getProperty("costlens.scenario");

	private static final int USERS = Integer.getInteger("users", 1000);

	private static final int SERVICES = Integer.getInteger("services", 550);

	private static final double INGEST_SHARE = Double.parseDouble(System.getProperty("ingest.share", "0.64"));

	private static final Duration RAMP = Duration.ofSeconds(Long.getLong("ramp", 120));

	private static final Duration HOLD = Duration.ofSeconds(Long.getLong("hold", 180));

	private static final Duration THINK_MIN = Duration.ofMillis(Long.getLong("think.min", 1000));

	private static final Duration THINK_MAX = Duration.ofMillis(Long.getLong("think.max", 3000));

	private static final long SESSION_MIN = Long.getLong("session.min", 120);

	private static final long SESSION_MAX = Long.getLong("session.max", 360);

	private static final String MODEL = "gatling-model";

	private static final AtomicInteger CLIENTS = new AtomicInteger();

	private static final List<String> MESSAGES = List.of(
			"GET /api/v1/orders/4711 200 in 38 ms by worker-3, cache hit, upstream latency 12 ms, trace 5f1c2a",
			"payment accepted for order 9182, card 4111 1111 1111 1111, customer jane.doe@example.com, retry 0",
			"lambda cold start 812 ms, memory 1024 MB, queue depth 42, shard 7, session a81f-22, status ok",
			"upstream timeout after 3000 ms calling inventory from 10.0.4.17, retrying with backoff 200 ms",
			"user 51 signed in from 192.168.10.24 with MFA, session 7d3e, locale it-IT, agent Mozilla/5.0");

	private final HttpProtocolBuilder protocol = http.baseUrl(URL)
		.acceptHeader("application/json")
		.contentTypeHeader("application/json")
		.header("X-Forwarded-For", "#{client_ip}")
		.shareConnections();

	// machine clients

	private final ChainBuilder ingest = exec(http("ingest").post("/ingest")
		.header("X-API-Key", "#{api_key}")
		.header("X-Scenario-ID", SCENARIO)
		.body(StringBody((session) -> "{\"message\":\""
				+ MESSAGES.get(ThreadLocalRandom.current().nextInt(MESSAGES.size())) + "\",\"source\":\"gatling\"}"))
		.check(status().is(202)));

	private final ChainBuilder predictLog = exec(http("predict-log").post("/api/v1/predict-log")
		.header("X-API-Key", "#{api_key}")
		.body(StringBody((session) -> "{\"model_name\":\"" + MODEL + "\",\"duration_ms\":"
				+ ThreadLocalRandom.current().nextInt(5, 400) + ",\"was_successful\":"
				+ (ThreadLocalRandom.current().nextInt(20) != 0) + "}"))
		.check(status().is(201)));

	// people

	private final ChainBuilder signIn = exec(http("sign-in").post("/auth/token")
		.body(StringBody("{\"username\":\"#{username}\",\"password\":\"#{password}\"}"))
		.check(status().is(200), jsonPath("$.access_token").saveAs("token"),
				jsonPath("$.refresh_token").saveAs("refresh_token")));

	private final ChainBuilder signOut = exec(http("sign-out").post("/api/v2/auth/logout")
		.header("Authorization", "Bearer #{token}")
		.body(StringBody("{\"refresh_token\":\"#{refresh_token}\"}"))
		.check(status().is(204)));

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

	private final ScenarioBuilder services = scenario("machine clients").feed(lines("costlens.keys-file", "api_key"))
		.exec((session) -> session.set("client_ip", clientIp(CLIENTS.incrementAndGet()))
			.set("ingests", ThreadLocalRandom.current().nextDouble() < INGEST_SHARE))
		.doIfOrElse((session) -> session.getBoolean("ingests"))
		.then(forever().on(pause(THINK_MIN, THINK_MAX).exec(this.ingest)))
		.orElse(forever().on(pause(THINK_MIN, THINK_MAX).exec(this.predictLog)));

	private final ScenarioBuilder people = scenario("people").feed(lines("costlens.accounts-file", "username", "password"))
		.exec((session) -> session.set("client_ip", clientIp(CLIENTS.incrementAndGet()))
			.set("session_seconds", ThreadLocalRandom.current().nextLong(SESSION_MIN, SESSION_MAX + 1)))
		.pause(THINK_MIN, THINK_MAX)
		.exec(this.signIn)
		.exitHereIfFailed()
		.exec(during((session) -> Duration.ofSeconds(session.getLong("session_seconds")))
			.on(pause(THINK_MIN, THINK_MAX).exec(randomSwitch().on(percent(34.0).then(this.metrics),
					percent(27.0).then(this.stats), percent(21.0).then(this.listScenarios),
					percent(18.0).then(this.listPredictions)))))
		.pause(THINK_MIN, THINK_MAX)
		.exec(this.signOut);

	{
		if (SCENARIO == null) {
			throw new IllegalStateException("Set -Dcostlens.scenario to a running scenario (bench/gatling/run.sh does)");
		}
		int people = USERS - SERVICES;
		setUp(this.services.injectClosed(rampConcurrentUsers(0).to(SERVICES).during(RAMP),
				constantConcurrentUsers(SERVICES).during(HOLD)),
				this.people.injectClosed(rampConcurrentUsers(0).to(people).during(RAMP),
						constantConcurrentUsers(people).during(HOLD)))
			.protocols(this.protocol)
			.maxDuration(RAMP.plus(HOLD))
			.assertions(global().responseTime().percentile(95.0).lt(200), global().failedRequests().count().is(0L));
	}

	private static String clientIp(int n) {
		return "10." + ((n >> 16) & 255) + "." + ((n >> 8) & 255) + "." + (n & 255);
	}

	/**
	 * A circular feeder of the comma-separated lines of the file the system property
	 * names, one column per name. Circular: a closed model replaces each session that
	 * ends, and run.sh prepares enough accounts that one comes round again only long
	 * after its last session ended.
	 */
	private static FeederBuilder<Object> lines(String property, String... columns) {
		String file = System.getProperty(property);
		if (file == null) {
			throw new IllegalStateException("Set -D" + property + " (run.sh writes it)");
		}
		List<Map<String, Object>> records;
		try {
			records = Files.readAllLines(Path.of(file)).stream().filter((line) -> !line.isBlank()).map((line) -> {
				String[] parts = line.split(",", columns.length);
				Map<String, Object> record = new HashMap<>();
				for (int i = 0; i < columns.length; i++) {
					record.put(columns[i], parts[i]);
				}
				return record;
			}).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return listFeeder(records).circular();
	}

}
