import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load generator, timer and sketch builder for the DevLens benchmark; plain JDK (plus the
 * DDSketch library for {@code sketches}), run as {@code java Bench.java <command>} (see
 * run.sh).
 *
 * <pre>
 * java Bench.java import &lt;lines&gt; &lt;prefix&gt; &lt;connections&gt;   POST NDJSON to /api/traces, 10 000 lines a call
 * java Bench.java latency &lt;warm-up s&gt; &lt;calls&gt; &lt;connections&gt; &lt;developer&gt;   time the read endpoints, mixed
 * java -cp sketches-java.jar Bench.java sketches   stdin "day TAB repo TAB latency" to COPY text of sketches
 * </pre>
 *
 * Imported traces cover the same 28 days as the SQL-generated sessions (in time order),
 * with the same 200 developers, 20 repositories and 4 models. Environment: BENCH_URL, BENCH_API_KEY.
 */
public class Bench {

	static final String URL = env("BENCH_URL", "http://127.0.0.1:18120");

	static final String KEY = env("BENCH_API_KEY", "");

	static final int BATCH = 10_000;

	static final String[] MODELS = { "claude-3-5-sonnet-20241022", "claude-3-5-haiku-20241022", "o4-mini",
			"mistral-small-latest" };

	static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	public static void main(String[] args) throws Exception {
		switch (args[0]) {
			case "import" -> importTraces(Integer.parseInt(args[1]), args[2], Integer.parseInt(args[3]));
			case "latency" -> latency(Integer.parseInt(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]),
					args[4]);
			case "sketches" -> sketches();
			default -> throw new IllegalArgumentException("import | latency | sketches");
		}
	}

	/** The first day of the generated data: 28 days before today (UTC). */
	static Instant start() {
		return LocalDate.now(ZoneOffset.UTC).minusDays(28).atStartOfDay(ZoneOffset.UTC).toInstant();
	}

	/**
	 * Trace {@code g} of {@code lines}: in time order over the 28 days, as an export of
	 * traces comes (so one batch of the import touches the roll-ups of a few days only).
	 */
	static String line(String prefix, long g, long lines, Instant start) {
		long tokensIn = 100 + (g * 31) % 3000;
		long tokensOut = 50 + (g * 17) % 1500;
		Instant at = start.plusSeconds(g * 2_419_200L / lines);
		return ("{\"timestamp\": \"%s\", \"attributes\": {\"llm.model_name\": \"%s\", \"status_code\": %d, "
				+ "\"latency_ms\": %d, \"prod_lens.accepted\": %s}, \"usage\": {\"input_tokens\": %d, "
				+ "\"output_tokens\": %d, \"total_tokens\": %d}, \"metadata\": {\"developer_id\": \"dev-%d\", "
				+ "\"session_id\": \"%s-%d\", \"repo\": \"org/repo-%d\"}}")
			.formatted(at, MODELS[(int) (g % MODELS.length)], (g % 50 == 0) ? 500 : 200, 200 + (g * 7919) % 4000,
					g % 3 == 0, tokensIn, tokensOut, tokensIn + tokensOut, g % 200, prefix, g, g % 20);
	}

	/** Imports {@code lines} traces, {@value #BATCH} a call, and prints the rate. */
	static void importTraces(int lines, String prefix, int connections) throws Exception {
		Instant start = start();
		List<byte[]> bodies = new ArrayList<>();
		for (int from = 0; from < lines; from += BATCH) {
			StringBuilder body = new StringBuilder(BATCH * 330);
			for (int g = from; g < Math.min(lines, from + BATCH); g++) {
				body.append(line(prefix, g, lines, start)).append('\n');
			}
			bodies.add(body.toString().getBytes(StandardCharsets.UTF_8));
		}
		AtomicLong inserted = new AtomicLong();
		long began = System.nanoTime();
		try (ExecutorService pool = Executors.newFixedThreadPool(connections)) {
			List<Future<?>> calls = new ArrayList<>();
			for (byte[] body : bodies) {
				calls.add(pool.submit(() -> {
					HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(URL + "/api/traces"))
						.header("X-API-Key", KEY)
						.header("Content-Type", "application/x-ndjson")
						.timeout(Duration.ofMinutes(5))
						.POST(HttpRequest.BodyPublishers.ofByteArray(body))
						.build(), HttpResponse.BodyHandlers.ofString());
					if (response.statusCode() != 200) {
						throw new IllegalStateException(response.statusCode() + " " + response.body());
					}
					inserted.addAndGet(Long.parseLong(response.body().replaceAll(".*\"inserted\":(\\d+).*", "$1")));
					return null;
				}));
			}
			for (Future<?> call : calls) {
				call.get();
			}
		}
		double seconds = (System.nanoTime() - began) / 1e9;
		System.out.printf("import %d %.3f %.0f%n", inserted.get(), seconds, inserted.get() / seconds);
	}

	/**
	 * Times the read endpoints and /health, interleaved on the same connections, so each
	 * is measured under the same load; prints "name count p50 p99" in ms per endpoint.
	 */
	static void latency(int warmupSeconds, int calls, int connections, String developer) throws Exception {
		Map<String, String> endpoints = new LinkedHashMap<>();
		endpoints.put("metrics", "/api/metrics?since=30");
		endpoints.put("insights", "/api/insights?since=30");
		endpoints.put("profile", "/api/profile?developer_id=" + developer);
		endpoints.put("sessions_by_cost", "/api/sessions?sort_by=cost&sort_order=desc&page_size=20");
		endpoints.put("health", "/health");
		List<String> names = List.copyOf(endpoints.keySet());
		long warmEnd = System.nanoTime() + warmupSeconds * 1_000_000_000L;
		Map<String, List<Long>> times = new ConcurrentHashMap<>();
		names.forEach((name) -> times.put(name, java.util.Collections.synchronizedList(new ArrayList<>())));
		try (ExecutorService pool = Executors.newFixedThreadPool(connections)) {
			List<Future<?>> workers = new ArrayList<>();
			for (int c = 0; c < connections; c++) {
				int offset = c;
				workers.add(pool.submit(() -> {
					int i = offset;
					while (System.nanoTime() < warmEnd) {
						get(endpoints.get(names.get(i++ % names.size())));
					}
					for (int n = 0; n < calls * names.size() / connections; n++) {
						String name = names.get(i++ % names.size());
						long began = System.nanoTime();
						get(endpoints.get(name));
						times.get(name).add(System.nanoTime() - began);
					}
					return null;
				}));
			}
			for (Future<?> worker : workers) {
				worker.get();
			}
		}
		for (String name : names) {
			long[] sorted = times.get(name).stream().mapToLong(Long::longValue).sorted().toArray();
			System.out.printf("%s %d %.2f %.2f%n", name, sorted.length, percentile(sorted, 0.50),
					percentile(sorted, 0.99));
		}
	}

	static void get(String path) throws Exception {
		HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(URI.create(URL + path))
			.header("X-API-Key", KEY)
			.timeout(Duration.ofSeconds(60))
			.build(), HttpResponse.BodyHandlers.discarding());
		if (response.statusCode() != 200) {
			throw new IllegalStateException(path + " answered " + response.statusCode());
		}
	}

	static double percentile(long[] sorted, double q) {
		int index = (int) Math.ceil(q * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
	}

	/**
	 * Builds the daily latency sketches per day and repository exactly as the service does
	 * (DDSketch, 1 % relative accuracy, unbounded dense store) from "day TAB repo TAB
	 * latency" lines, and prints them as COPY text rows of devlens_daily_latency.
	 */
	static void sketches() throws Exception {
		Map<String, com.datadoghq.sketch.ddsketch.DDSketch> sketches = new TreeMap<>();
		BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8), 1 << 16);
		String row;
		while ((row = in.readLine()) != null) {
			int tab = row.lastIndexOf('\t');
			sketches.computeIfAbsent(row.substring(0, tab), (k) -> com.datadoghq.sketch.ddsketch.DDSketches
				.unboundedDense(0.01)).accept(Double.parseDouble(row.substring(tab + 1)));
		}
		PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
		for (Map.Entry<String, com.datadoghq.sketch.ddsketch.DDSketch> entry : sketches.entrySet()) {
			com.datadoghq.sketch.ddsketch.encoding.GrowingByteArrayOutput bytes = com.datadoghq.sketch.ddsketch.encoding.GrowingByteArrayOutput
				.withDefaultInitialCapacity();
			entry.getValue().encode(bytes, false);
			out.print(entry.getKey() + "\t\\\\x" + HexFormat.of().formatHex(bytes.trimmedCopy()) + "\n");
		}
		out.flush();
	}

	static String env(String name, String otherwise) {
		String value = System.getenv(name);
		return (value != null && !value.isEmpty()) ? value : otherwise;
	}

}
