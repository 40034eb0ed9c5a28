package io.costlens.providers;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.SenderContext;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.costlens.platform.OutboundLimits;
import io.costlens.providers.OpenRouterFailure.Kind;
import io.costlens.providers.ProvidersProperties.OpenRouter;

/**
 * The one client every job and endpoint calls OpenRouter through: base URL and timeouts
 * from the settings, every try taking a turn from one bucket shared by all callers (and
 * instances, with Redis), retries with exponential backoff and jitter on 429, 5xx and
 * connection errors that honour {@code Retry-After}, response bodies bounded and
 * OpenRouter's error body turned into the failure's message. Keys go only into the
 * {@code Authorization} header, never into a log line or a message. Each try is observed
 * as {@code costlens.openrouter.calls} (a timer by route and status, and a client span
 * while tracing is on; no trace header goes to OpenRouter).
 */
class OpenRouterClient {

	static final String REMOTE = "openrouter";

	private static final Logger log = LoggerFactory.getLogger(OpenRouterClient.class);

	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.build();

	private final OpenRouter settings;

	private final OutboundLimits limits;

	private final HttpClient http;

	private final String baseUrl;

	private final ObservationRegistry observations;

	OpenRouterClient(OpenRouter settings, OutboundLimits limits) {
		this(settings, limits, ObservationRegistry.NOOP);
	}

	OpenRouterClient(OpenRouter settings, OutboundLimits limits, ObservationRegistry observations) {
		this.settings = settings;
		this.limits = limits;
		this.observations = observations;
		this.baseUrl = settings.baseUrl().replaceAll("/+$", "");
		this.http = HttpClient.newBuilder()
			.connectTimeout(settings.connectTimeout())
			.version(HttpClient.Version.HTTP_1_1)
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	/** {@code GET /key}: the key's type, limit and today's usage. */
	KeyInfo key(String apiKey) {
		return call(apiKey, "/key", (body) -> {
			JsonNode data = body.path("data");
			if (!data.isObject()) {
				throw new IllegalArgumentException("no data object");
			}
			boolean management = data.path("is_management_key").asBoolean(false)
					|| data.path("is_provisioning_key").asBoolean(false);
			return new KeyInfo(management, decimal(data.path("limit")), decimal(data.path("limit_remaining")),
					text(data.path("limit_reset")), decimal(data.path("usage_daily")));
		});
	}

	/**
	 * {@code GET /activity?date=}: one completed UTC day's usage, one row per model and
	 * provider endpoint (management keys only).
	 */
	List<DailyUsage> activity(String apiKey, LocalDate date) {
		return call(apiKey, "/activity?date=" + date,
				(body) -> rows(body,
						(row) -> new DailyUsage(LocalDate.parse(required(row, "date").asString()),
								required(row, "model").asString(), count(row, "requests"), count(row, "prompt_tokens"),
								count(row, "completion_tokens"), money(row, "usage"))));
	}

	/**
	 * The original service's {@code GET /usage?start_date&end_date}, for proxies that
	 * serve it ({@code usage-path}).
	 */
	List<DailyUsage> usage(String apiKey, String path, LocalDate from, LocalDate to) {
		return call(apiKey, path + "?start_date=" + from + "&end_date=" + to,
				(body) -> rows(body,
						(row) -> new DailyUsage(LocalDate.parse(required(row, "date").asString()),
								required(row, "model").asString(), count(row, "requests_count"),
								count(row, "tokens_input"), count(row, "tokens_output"), money(row, "cost"))));
	}

	private <T> T call(String apiKey, String path, Function<JsonNode, T> parser) {
		int attempts = this.settings.maxAttempts();
		for (int attempt = 1;; attempt++) {
			OpenRouterFailure failure;
			try {
				return parse(path, exchange(apiKey, path), parser, apiKey);
			}
			catch (OpenRouterFailure ex) {
				failure = ex;
			}
			Duration wait = (failure.retryAfter() != null) ? failure.retryAfter() : backoff(attempt);
			if (!failure.kind().retryable() || attempt >= attempts
					|| wait.compareTo(this.settings.maxRetryAfter()) > 0) {
				log.info("OpenRouter GET {} failed after {} tries: {}", path, attempt, failure.getMessage());
				throw failure;
			}
			log.debug("OpenRouter GET {} try {} failed ({}); retrying in {} ms", path, attempt, failure.getMessage(),
					wait.toMillis());
			sleep(wait);
		}
	}

	private HttpResponse<byte[]> exchange(String apiKey, String path) {
		takeTurn(path);
		String route = path.replaceFirst("\\?.*", "");
		// a client span without propagation: trace ids are nobody's business at
		// OpenRouter
		SenderContext<Object> context = new SenderContext<>((carrier, key, value) -> {
		}, io.micrometer.observation.transport.Kind.CLIENT);
		context.setCarrier(route);
		context.setRemoteServiceName(REMOTE);
		Observation observation = Observation
			.createNotStarted("costlens.openrouter.calls", () -> context, this.observations)
			.contextualName("openrouter GET " + route)
			.lowCardinalityKeyValue("route", route)
			.highCardinalityKeyValue("url.full", this.baseUrl + path)
			.start();
		try (Observation.Scope scope = observation.openScope()) {
			HttpResponse<byte[]> response = send(apiKey, path);
			observation.lowCardinalityKeyValue(KeyValue.of("status", String.valueOf(response.statusCode())));
			return response;
		}
		catch (OpenRouterFailure ex) {
			observation.lowCardinalityKeyValue(KeyValue.of("status", ex.kind().name()));
			observation.error(ex);
			throw ex;
		}
		finally {
			observation.stop();
		}
	}

	private HttpResponse<byte[]> send(String apiKey, String path) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.timeout(this.settings.readTimeout())
			.header("Authorization", "Bearer " + apiKey)
			.header("Accept", "application/json")
			.GET()
			.build();
		LimitedBody body = LimitedBody.of(this.settings.maxResponseSize().toBytes());
		try {
			return this.http.sendAsync(request, (info) -> body)
				.get(this.settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			throw timedOut(path);
		}
		catch (ExecutionException ex) {
			if (body.overflowed()) {
				throw new OpenRouterFailure(Kind.MALFORMED, 0,
						"OpenRouter GET " + path + " answered more than " + body.limit() + " bytes", null);
			}
			throw networkFailure(path, ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new OpenRouterFailure(Kind.NETWORK, 0, "Interrupted while calling OpenRouter GET " + path, null);
		}
	}

	private OpenRouterFailure networkFailure(String path, @Nullable Throwable cause) {
		if (cause instanceof HttpTimeoutException) {
			return timedOut(path);
		}
		String what = (cause instanceof IOException) ? "failed: " + cause.getClass().getSimpleName() : "failed";
		return new OpenRouterFailure(Kind.NETWORK, 0, "OpenRouter GET " + path + " " + what, null);
	}

	private OpenRouterFailure timedOut(String path) {
		return new OpenRouterFailure(Kind.NETWORK, 0,
				"OpenRouter GET " + path + " did not answer within " + this.settings.readTimeout().toMillis() + " ms",
				null);
	}

	private void takeTurn(String path) {
		try {
			if (!this.limits.acquire(REMOTE, this.settings.requestsPerMinute(), this.settings.rateLimitWait())) {
				throw new OpenRouterFailure(Kind.THROTTLED, 0,
						"OpenRouter GET " + path + " found no turn under the " + this.settings.requestsPerMinute()
								+ " calls/min limit within " + this.settings.rateLimitWait(),
						null);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new OpenRouterFailure(Kind.THROTTLED, 0, "Interrupted while waiting to call OpenRouter", null);
		}
	}

	private static <T> T parse(String path, HttpResponse<byte[]> response, Function<JsonNode, T> parser,
			String apiKey) {
		int status = response.statusCode();
		if (status >= 200 && status < 300) {
			try {
				return parser.apply(JSON.readTree(response.body()));
			}
			catch (JacksonException | IllegalArgumentException | DateTimeParseException ex) {
				throw new OpenRouterFailure(Kind.MALFORMED, status, "OpenRouter GET " + path + " answered " + status
						+ " with a body that is not the documented JSON", null);
			}
		}
		String message = redact(errorMessage(response.body()), apiKey);
		throw new OpenRouterFailure(kindOf(status), status,
				"OpenRouter GET " + path + " answered " + status + ((message != null) ? ": " + message : ""),
				retryAfter(response));
	}

	/** OpenRouter's {@code {"error":{"code","message"}}}, when the body is that. */
	private static @Nullable String errorMessage(byte[] body) {
		try {
			JsonNode message = JSON.readTree(body).path("error").path("message");
			if (message.isString() && !message.asString().isBlank()) {
				String text = message.asString().strip();
				return (text.length() > 300) ? text.substring(0, 300) + "…" : text;
			}
			return null;
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	private static @Nullable String redact(@Nullable String message, String apiKey) {
		return (message == null || apiKey.isEmpty()) ? message : message.replace(apiKey, KeyPreview.of(apiKey));
	}

	private static Kind kindOf(int status) {
		if (status == 401) {
			return Kind.UNAUTHORIZED;
		}
		if (status == 403) {
			return Kind.FORBIDDEN;
		}
		if (status == 429 || status == 408) {
			return Kind.RATE_LIMITED;
		}
		return (status >= 500) ? Kind.SERVER_ERROR : Kind.CLIENT_ERROR;
	}

	/** {@code Retry-After} in seconds or as an HTTP date; {@code null} when absent. */
	static @Nullable Duration retryAfter(HttpResponse<?> response) {
		String value = response.headers().firstValue("Retry-After").map(String::strip).orElse(null);
		if (value == null || value.isEmpty()) {
			return null;
		}
		try {
			return Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
		}
		catch (NumberFormatException notSeconds) {
			try {
				Duration until = Duration.between(Instant.now(),
						ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
				return until.isNegative() ? Duration.ZERO : until;
			}
			catch (DateTimeParseException notDate) {
				return null;
			}
		}
	}

	/** Exponential backoff with equal jitter: half the step plus a random half. */
	private Duration backoff(int attempt) {
		long step = this.settings.initialBackoff().toMillis() << Math.min(attempt - 1, 20);
		long capped = Math.min(step, this.settings.maxBackoff().toMillis());
		long half = capped / 2;
		return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(half + 1));
	}

	private static void sleep(Duration wait) {
		try {
			Thread.sleep(wait);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new OpenRouterFailure(Kind.NETWORK, 0, "Interrupted while waiting to retry OpenRouter", null);
		}
	}

	private static List<DailyUsage> rows(JsonNode body, Function<JsonNode, DailyUsage> row) {
		JsonNode data = body.path("data");
		if (!data.isArray()) {
			throw new IllegalArgumentException("no data array");
		}
		List<DailyUsage> rows = new ArrayList<>();
		for (JsonNode item : data.values()) {
			rows.add(row.apply(item));
		}
		return rows;
	}

	private static JsonNode required(JsonNode row, String field) {
		JsonNode value = row.path(field);
		if (!value.isString() || value.asString().isBlank()) {
			throw new IllegalArgumentException(field + " missing");
		}
		return value;
	}

	private static long count(JsonNode row, String field) {
		JsonNode value = row.path(field);
		if (value.isMissingNode() || value.isNull()) {
			return 0;
		}
		if (!value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() < 0) {
			throw new IllegalArgumentException(field + " is not a count");
		}
		return value.asLong();
	}

	private static BigDecimal money(JsonNode row, String field) {
		BigDecimal value = decimal(row.path(field));
		return (value != null) ? value : BigDecimal.ZERO;
	}

	private static @Nullable BigDecimal decimal(JsonNode value) {
		if (value.isMissingNode() || value.isNull()) {
			return null;
		}
		if (!value.isNumber()) {
			throw new IllegalArgumentException("not a number");
		}
		return value.decimalValue();
	}

	private static @Nullable String text(JsonNode value) {
		return value.isString() ? value.asString() : null;
	}

}
