package io.costlens.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import io.costlens.devlens.Devlens;
import io.costlens.predictions.NewPrediction;
import io.costlens.predictions.Predictions;
import io.costlens.providers.Providers;
import io.costlens.providers.Providers.SampleUsage;
import io.costlens.scenarios.CostModel;
import io.costlens.scenarios.NewScenario;
import io.costlens.scenarios.Scenario;
import io.costlens.scenarios.Scenarios;
import io.costlens.scenarios.Scenarios.TimedLog;

/**
 * A month of plausible activity, the same on every run (a fixed seed): three scenarios
 * (two with a month of logs, some carrying PII), three ML models' predictions, two
 * OpenRouter keys with daily usage, and three developers' AI-assistant sessions with the
 * pull requests and commits that followed.
 */
final class SampleData {

	private static final String[] MESSAGES = { "Order %d paid by card, 3 items, total 42.90 EUR",
			"User %d asked for a refund of order 1234", "Checkout latency above 800 ms for cart %d",
			"Customer jane.doe@example.com changed the delivery address of order %d",
			"Support call back requested on +44 20 7946 0958 for ticket %d",
			"Payment retried for order %d after a timeout at the gateway", "Inventory sync finished: %d SKUs updated",
			"Login from 203.0.113.42 for account %d", "Summarise this conversation for ticket %d in two sentences",
			"Translate the product description of item %d into German" };

	private static final String[] MODELS = { "apartment_price_v3", "churn_classifier_v2", "fraud_score_v7" };

	private static final String[] LLMS = { "anthropic/claude-sonnet-4", "openai/gpt-4o-mini",
			"google/gemini-2.5-flash" };

	private static final String[] DEVELOPERS = { "dev-alice", "dev-bram", "dev-chen" };

	private static final String[] REPOS = { "acme/checkout", "acme/support-bot" };

	private final Random random = new Random(20261201L);

	private final int days;

	private final Instant start;

	SampleData(int days) {
		this.days = days;
		this.start = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofDays(days));
	}

	Map<String, Long> load(Scenarios scenarios, Predictions predictions, Providers providers, Devlens devlens) {
		Map<String, Long> counts = new LinkedHashMap<>();
		counts.put("scenarios", 3L);
		counts.put("logs", scenarios(scenarios));
		counts.put("predictions", predictions(predictions));
		counts.put("provider_keys", providerKeys(providers));
		counts.put("sessions", sessions(devlens));
		counts.put("pull_requests", github(devlens));
		return counts;
	}

	private long scenarios(Scenarios scenarios) {
		Scenario checkout = scenarios
			.create(new NewScenario("checkout-api", "Order, payment and delivery events of the web shop's checkout",
					"us-east-1", List.of("checkout", "production"),
					new CostModel(100, 1024, 800, "claude_3_sonnet", new BigDecimal("0.25"))));
		Scenario support = scenarios.create(new NewScenario("support-chatbot",
				"The support assistant's conversations, summarised and translated by Bedrock", "eu-west-1",
				List.of("support", "llm"), new CostModel(25, 2048, 2500, "claude_3_haiku", new BigDecimal("0.6"))));
		scenarios.create(new NewScenario("nightly-batch", "Planned: the nightly catalogue import", "us-west-2",
				List.of("batch"), CostModel.DEFAULT));
		long logs = 0;
		for (Scenario scenario : List.of(checkout, support)) {
			scenarios.start(scenario.id());
			logs += logsOf(scenarios, scenario.id(), (scenario == checkout) ? 6 : 3);
		}
		scenarios.stop(support.id());
		return logs;
	}

	private long logsOf(Scenarios scenarios, UUID id, int perHour) {
		long stored = 0;
		List<TimedLog> batch = new ArrayList<>();
		for (int hour = 0; hour < this.days * 24; hour++) {
			Instant at = this.start.plus(Duration.ofHours(hour));
			int n = Math.max(0, perHour + this.random.nextInt(perHour + 1) - perHour / 2 + daytime(at));
			for (int i = 0; i < n; i++) {
				String message = MESSAGES[this.random.nextInt(MESSAGES.length)]
					.formatted(1000 + this.random.nextInt(9000));
				batch.add(new TimedLog(message, (i % 3 == 0) ? "payments" : "web",
						at.plusSeconds(this.random.nextInt(3600))));
			}
			if (batch.size() >= 500) {
				stored += scenarios.importLogs(id, List.copyOf(batch));
				batch.clear();
			}
		}
		if (!batch.isEmpty()) {
			stored += scenarios.importLogs(id, batch);
		}
		return stored;
	}

	/** More traffic in the (UTC) working day. */
	private static int daytime(Instant at) {
		int hour = at.atZone(ZoneOffset.UTC).getHour();
		return (hour >= 8 && hour < 20) ? 2 : -1;
	}

	private long predictions(Predictions predictions) {
		long stored = 0;
		List<NewPrediction> batch = new ArrayList<>();
		int[] typicalMs = { 120, 45, 310 };
		for (int day = 0; day < this.days; day++) {
			for (int m = 0; m < MODELS.length; m++) {
				int count = 15 + this.random.nextInt(25);
				for (int i = 0; i < count; i++) {
					Instant at = this.start.plus(Duration.ofDays(day)).plusSeconds(this.random.nextInt(86_400));
					int duration = (int) Math.max(1,
							typicalMs[m] * (0.5 + this.random.nextDouble() * (i % 17 == 0 ? 6 : 1.2)));
					batch.add(new NewPrediction(MODELS[m], duration, this.random.nextInt(100) >= 3, at));
					if (batch.size() == Math.min(500, predictions.batchLimit())) {
						stored += predictions.logAll(List.copyOf(batch)).size();
						batch.clear();
					}
				}
			}
		}
		if (!batch.isEmpty()) {
			stored += predictions.logAll(batch).size();
		}
		return stored;
	}

	private long providerKeys(Providers providers) {
		String[] names = { "team-production", "team-staging" };
		for (int k = 0; k < names.length; k++) {
			List<SampleUsage> usage = new ArrayList<>();
			LocalDate first = LocalDate.ofInstant(this.start, ZoneOffset.UTC);
			for (int day = 0; day < this.days; day++) {
				for (String model : LLMS) {
					long requests = (k == 0 ? 300 : 40) + this.random.nextInt(k == 0 ? 400 : 60);
					long input = requests * (800 + this.random.nextInt(1200));
					long output = requests * (150 + this.random.nextInt(400));
					BigDecimal cost = BigDecimal.valueOf(input * 0.000_000_6 + output * 0.000_002_4)
						.setScale(6, RoundingMode.HALF_UP);
					usage.add(new SampleUsage(first.plusDays(day), model, requests, input, output, cost));
				}
			}
			// a made-up key of the right shape: nothing ever calls OpenRouter with it;
			// random to
			// its end, so the two previews (which show the last characters) differ
			String key = "sk-or-v1-demo0000000000000000" + HexFormat.of().toHexDigits(this.random.nextLong())
					+ HexFormat.of().toHexDigits(this.random.nextLong());
			providers.addKeyWithUsage(names[k], key, usage);
		}
		return names.length;
	}

	private long sessions(Devlens devlens) {
		StringBuilder traces = new StringBuilder();
		int sessions = 0;
		for (int day = 0; day < this.days; day++) {
			for (String developer : DEVELOPERS) {
				int count = this.random.nextInt(4);
				for (int i = 0; i < count; i++) {
					Instant at = this.start.plus(Duration.ofDays(day))
						.plusSeconds(8 * 3600 + this.random.nextInt(10 * 3600));
					String model = LLMS[this.random.nextInt(LLMS.length)];
					int status = (this.random.nextInt(100) < 4) ? 500 : 200;
					traces.append("""
							{"timestamp":"%s","usage":{"input_tokens":%d,"output_tokens":%d},\
							"attributes":{"llm.model_name":"%s","status_code":%d,"latency_ms":%d,\
							"prod_lens.accepted":%s,"accepted_lines":%d},\
							"metadata":{"developer_id":"%s","session_id":"demo-%s-%d-%d","repo":"%s"}}
							""".formatted(at, 2000 + this.random.nextInt(20_000), 300 + this.random.nextInt(4000),
							model, status, 400 + this.random.nextInt(6000), this.random.nextInt(100) < 60,
							this.random.nextInt(80), developer, developer, day, i,
							REPOS[this.random.nextInt(REPOS.length)]));
					sessions++;
				}
			}
		}
		return (sessions == 0) ? 0 : devlens.importTraces(traces.toString());
	}

	private long github(Devlens devlens) {
		long upserted = 0;
		long id = 7_000_000L;
		for (String repo : REPOS) {
			StringBuilder prs = new StringBuilder();
			StringBuilder commits = new StringBuilder();
			for (int n = 1; n <= 8; n++) {
				Instant created = this.start.plus(Duration.ofHours(this.random.nextInt((this.days - 2) * 24)));
				boolean merged = this.random.nextInt(100) < 75;
				Instant closed = created.plus(Duration.ofHours(2 + this.random.nextInt(60)));
				if (n > 1) {
					prs.append(',');
				}
				prs.append("""
						{"id":%d,"number":%d,"title":"Demo change %d","author":"%s","state":"%s","created_at":"%s",\
						"merged_at":%s,"updated_at":"%s","reopened":false}""".formatted(id++, n, n,
						DEVELOPERS[this.random.nextInt(DEVELOPERS.length)], merged ? "closed" : "open", created,
						merged ? "\"" + closed + "\"" : "null", merged ? closed : created));
				for (int c = 0; c < 3; c++) {
					if (commits.length() > 0) {
						commits.append(',');
					}
					commits.append("""
							{"sha":"%040x","author":"%s","timestamp":"%s"}""".formatted(
							new java.math.BigInteger(160, this.random),
							DEVELOPERS[this.random.nextInt(DEVELOPERS.length)],
							created.plus(Duration.ofMinutes(30L * (c + 1)))));
				}
			}
			upserted += devlens.importGithub(
					"{\"repo\":\"" + repo + "\",\"pull_requests\":[" + prs + "],\"commits\":[" + commits + "]}");
		}
		return upserted;
	}

}
