import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load generator and stats timer for the predictions benchmark; plain JDK, run as
 * {@code java Bench.java <command>} (see run.sh).
 *
 * <pre>
 * java Bench.java load  &lt;rows&gt;            add rows through POST /api/v1/predict-log/batch
 * java Bench.java stats &lt;calls&gt; &lt;rows&gt;   time GET /api/v1/stats and check its totals
 * </pre>
 *
 * Every load spreads its rows evenly over the same 30 days (2026-01-01 to 2026-01-30) and
 * 10 models ({@code bench-model-0..9}), so each stage has the same number of roll-up
 * buckets and only the rows per bucket grow. Environment: BENCH_URL, BENCH_API_KEY.
 */
public class Bench {

	static final String URL = env("BENCH_URL", "http://127.0.0.1:8104");

	static final String KEY = env("BENCH_API_KEY", "");

	static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

	static final long SPAN_SECONDS = 30L * 86_400;

	static final int MODELS = 10;

	static final int BATCH = 10_000;

	static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	public static void main(String[] args) throws Exception {
		switch (args[0]) {
			case "load" -> load(Long.parseLong(args[1]), args.length > 2 ? Integer.parseInt(args[2]) : 2);
			case "stats" -> stats(Integer.parseInt(args[1]), Long.parseLong(args[2]));
			default -> throw new IllegalArgumentException("load <rows> | stats <calls> <rows>");
		}
	}

	/** Adds {@code rows} predictions in batches of 10 000, {@code parallel} requests at a time. */
	static void load(long rows, int parallel) throws Exception {
		long batches = (rows + BATCH - 1) / BATCH;
		long started = System.nanoTime();
		try (ExecutorService pool = Executors.newFixedThreadPool(parallel)) {
			List<Future<?>> running = new ArrayList<>();
			for (long b = 0; b < batches; b++) {
				long first = b * BATCH;
				int size = (int) Math.min(BATCH, rows - first);
				running.add(pool.submit(() -> {
					post(batch(first, size, rows));
					return null;
				}));
				if (running.size() >= parallel * 2) {
					running.remove(0).get();
				}
			}
			for (Future<?> f : running) {
				f.get();
			}
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		System.out.printf("loaded %,d rows in %.1f s: %,.0f rows/s%n", rows, seconds, rows / seconds);
	}

	static String batch(long first, int size, long stageRows) {
		SplittableRandom random = new SplittableRandom(first * 31 + stageRows);
		StringBuilder json = new StringBuilder(size * 110).append('[');
		for (int i = 0; i < size; i++) {
			long k = first + i;
			Instant at = START.plusMillis(k * SPAN_SECONDS * 1000 / stageRows);
			int duration = (int) Math.min(600_000, Math.round(Math.exp(4.5 + 0.7 * gaussian(random))));
			boolean ok = random.nextInt(100) >= 5;
			if (i > 0) {
				json.append(',');
			}
			json.append("{\"model_name\":\"bench-model-")
				.append(k % MODELS)
				.append("\",\"duration_ms\":")
				.append(duration)
				.append(",\"was_successful\":")
				.append(ok)
				.append(",\"timestamp\":\"")
				.append(at)
				.append("\"}");
		}
		return json.append(']').toString();
	}

	static double gaussian(SplittableRandom random) {
		double u = 1 - random.nextDouble();
		double v = random.nextDouble();
		return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
	}

	static void post(String body) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(URL + "/api/v1/predict-log/batch"))
			.header("Content-Type", "application/json")
			.header("X-API-Key", KEY)
			.timeout(Duration.ofMinutes(2))
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		for (int attempt = 1;; attempt++) {
			HttpResponse<Void> response = HTTP.send(request, HttpResponse.BodyHandlers.discarding());
			if (response.statusCode() == 201) {
				return;
			}
			if (response.statusCode() != 503 || attempt == 10) {
				throw new IllegalStateException("batch answered " + response.statusCode());
			}
			Thread.sleep(1000);
		}
	}

	/**
	 * Times {@code calls} stats requests for one model over the whole 30 days, after a
	 * warm-up, and {@code GET /health} the same way for comparison; checks the count
	 * against the rows loaded.
	 */
	static void stats(int calls, long rows) throws Exception {
		String path = "/api/v1/stats?model_name=bench-model-3&from_date=2026-01-01&to_date=2026-01-30";
		HttpRequest stats = HttpRequest.newBuilder(URI.create(URL + path)).header("X-API-Key", KEY).build();
		HttpRequest health = HttpRequest.newBuilder(URI.create(URL + "/health")).build();
		double[] statsMillis = time(stats, calls);
		double[] healthMillis = time(health, calls);
		String body = HTTP.send(stats, HttpResponse.BodyHandlers.ofString()).body();
		long expected = rows / MODELS + ((rows % MODELS > 3) ? 1 : 0);
		long total = Long.parseLong(field(body, "total_requests"));
		System.out.printf("stats at %,d rows (%d calls, one at a time): p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, "
				+ "max %.1f ms | GET /health the same way: p50 %.1f ms, p99 %.1f ms | total_requests %,d "
				+ "(expected %,d), p50 %s ms, p99 %s ms%n", rows, calls, at(statsMillis, 0.50),
				at(statsMillis, 0.95), at(statsMillis, 0.99), statsMillis[calls - 1], at(healthMillis, 0.50),
				at(healthMillis, 0.99), total, expected, field(body, "p50_duration_ms"),
				field(body, "p99_duration_ms"));
		if (total != expected) {
			throw new IllegalStateException("stats count " + total + " but " + expected + " rows were loaded");
		}
	}

	/**
	 * Latencies of {@code calls} sequential requests, sorted, after at least 500 warm-up
	 * calls and 10 seconds of them (so the JIT has compiled the path: on a busy 2-core
	 * machine the first thousand calls after a start are several times slower).
	 */
	static double[] time(HttpRequest request, int calls) throws Exception {
		long warmUntil = System.nanoTime() + 10_000_000_000L;
		for (int i = 0; i < 500 || System.nanoTime() < warmUntil; i++) {
			HTTP.send(request, HttpResponse.BodyHandlers.discarding());
		}
		double[] millis = new double[calls];
		for (int i = 0; i < calls; i++) {
			long started = System.nanoTime();
			HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
			millis[i] = (System.nanoTime() - started) / 1e6;
			if (response.statusCode() != 200) {
				throw new IllegalStateException(request.uri() + " answered " + response.statusCode());
			}
		}
		Arrays.sort(millis);
		return millis;
	}

	static double at(double[] sorted, double q) {
		return sorted[(int) Math.ceil(q * sorted.length) - 1];
	}

	static String field(String json, String name) {
		Matcher m = Pattern.compile("\"" + name + "\":([^,}]+)").matcher(json);
		return m.find() ? m.group(1) : "?";
	}

	static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value == null || value.isBlank()) ? fallback : value;
	}

}
