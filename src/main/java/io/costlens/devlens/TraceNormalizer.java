package io.costlens.devlens;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns one trace record into a {@link CanonicalTrace} the way ProdLens' normalizer does
 * (research notes §1), with its bugs fixed: LiteLLM's {@code prompt_tokens} and
 * {@code completion_tokens} and a top-level {@code model} are read, flattened
 * Arize/Phoenix spans are understood instead of dead-lettered, and a bad repository slug
 * rejects its own line rather than the whole file.
 */
final class TraceNormalizer {

	static final int MAX_TEXT = 255;

	private static final Pattern SESSION = Pattern.compile("session[_-]([A-Za-z0-9_-]+)");

	private static final Pattern SLUG = Pattern.compile("[A-Za-z0-9\\-_/.]+");

	private static final String[] SESSION_KEYS = { "session_id", "user_id", "developer_session",
			"user_api_key_end_user_id" };

	private static final String[] DEVELOPER_KEYS = { "developer_id", "dev_id", "user", "user_id" };

	private final JsonMapper json;

	TraceNormalizer(JsonMapper json) {
		this.json = json;
	}

	/**
	 * Normalises a record.
	 * @param record one JSON value of the import
	 * @param defaultRepo the repository for records that name none, or {@code null}
	 * @return the canonical trace
	 * @throws RejectedTrace naming what is wrong, when the record cannot be used
	 */
	CanonicalTrace normalize(JsonNode record, @Nullable String defaultRepo) {
		if (!record.isObject()) {
			throw new RejectedTrace("a trace must be a JSON object");
		}
		TraceFormat format = formatOf(record);
		Map<String, JsonNode> attributes = attributes(record, format);
		ObjectNode metadata = metadata(record, attributes);
		Tokens tokens = (format == TraceFormat.ARIZE) ? arizeTokens(attributes) : usageTokens(record.get("usage"));
		String repo = firstText(metadata, "repo", "repository", "repo_slug");
		if (repo == null) {
			repo = firstText(attributes, "repo", "repository");
		}
		if (repo == null) {
			repo = (defaultRepo != null) ? defaultRepo : "unknown";
		}
		return new CanonicalTrace(limit("session_id", sessionId(metadata)),
				limit("developer_id", developerId(metadata)), timestamp(record, format),
				limit("model", model(record, attributes)), tokens.in(), tokens.out(),
				latency(record, attributes, format), status(record, attributes, format), accepted(attributes),
				checkSlug(limit("repo_slug", repo)), decimal(attributes, "diff_ratio"),
				whole(attributes, "accepted_lines"), format);
	}

	/** Checks a repository slug as ProdLens does. */
	static String checkSlug(String slug) {
		if (slug.contains("..") || slug.startsWith("/") || !SLUG.matcher(slug).matches()) {
			throw new RejectedTrace("repo_slug '" + slug + "' must be owner/name in letters, digits, '-', '_', '.'");
		}
		return slug;
	}

	private static TraceFormat formatOf(JsonNode record) {
		JsonNode usage = record.get("usage");
		if (usage == null && (record.has("context.span_id") || hasPrefix(record, "attributes.llm."))) {
			return TraceFormat.ARIZE;
		}
		if (!record.has("timestamp") && !record.has("start_time")) {
			throw new RejectedTrace("timestamp is missing");
		}
		if (usage == null || !usage.isObject()) {
			throw new RejectedTrace("usage must be an object with the token counts");
		}
		boolean liteLlm = !usage.has("input_tokens") && !usage.has("output_tokens")
				&& (usage.has("prompt_tokens") || usage.has("completion_tokens"));
		return liteLlm ? TraceFormat.LITELLM : TraceFormat.PRODLENS;
	}

	private static boolean hasPrefix(JsonNode record, String prefix) {
		for (String name : record.propertyNames()) {
			if (name.startsWith(prefix)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The attributes object, or for Arize rows the flattened {@code attributes.*}
	 * columns.
	 */
	private static Map<String, JsonNode> attributes(JsonNode record, TraceFormat format) {
		Map<String, JsonNode> attributes = new LinkedHashMap<>();
		JsonNode nested = record.get("attributes");
		if (nested != null && nested.isObject()) {
			nested.properties().forEach((e) -> attributes.put(e.getKey(), e.getValue()));
		}
		if (format == TraceFormat.ARIZE) {
			record.properties().forEach((e) -> {
				if (e.getKey().startsWith("attributes.")) {
					attributes.putIfAbsent(e.getKey().substring("attributes.".length()), e.getValue());
				}
			});
		}
		return attributes;
	}

	private ObjectNode metadata(JsonNode record, Map<String, JsonNode> attributes) {
		JsonNode metadata = record.get("metadata");
		if (metadata != null && (metadata.isObject() || metadata.isString())) {
			return objectOf(metadata);
		}
		JsonNode flat = record.get("attributes.metadata");
		if (flat != null && (flat.isObject() || flat.isString())) {
			return objectOf(flat);
		}
		JsonNode nested = attributes.get("metadata");
		if (nested != null && (nested.isObject() || nested.isString())) {
			return objectOf(nested);
		}
		return JsonNodeFactory.instance.objectNode();
	}

	private ObjectNode objectOf(JsonNode value) {
		if (value instanceof ObjectNode object) {
			return object;
		}
		try {
			JsonNode parsed = this.json.readTree(value.asString());
			if (parsed instanceof ObjectNode object) {
				return object;
			}
		}
		catch (JacksonException ex) {
			// ProdLens keeps an unreadable metadata string as {"raw": ...}
		}
		ObjectNode raw = JsonNodeFactory.instance.objectNode();
		raw.put("raw", value.asString());
		return raw;
	}

	private static @Nullable String sessionId(ObjectNode metadata) {
		List<String> candidates = new ArrayList<>();
		for (String key : SESSION_KEYS) {
			addText(candidates, metadata.get(key));
		}
		JsonNode requester = metadata.get("requester_metadata");
		if (requester != null && requester.isObject()) {
			addText(candidates, requester.get("user_id"));
		}
		addText(candidates, metadata.get("raw"));
		for (String candidate : candidates) {
			Matcher matcher = SESSION.matcher(candidate);
			if (matcher.find()) {
				return matcher.group(1);
			}
		}
		return candidates.isEmpty() ? null : candidates.get(0);
	}

	private static @Nullable String developerId(ObjectNode metadata) {
		for (String key : DEVELOPER_KEYS) {
			String value = text(metadata.get(key));
			if (value != null && !value.contains("session")) {
				return value;
			}
		}
		JsonNode requester = metadata.get("requester_metadata");
		if (requester != null && requester.isObject()) {
			String value = text(requester.get("developer_id"));
			return (value != null) ? value : text(requester.get("user"));
		}
		return null;
	}

	private static void addText(List<String> candidates, @Nullable JsonNode value) {
		String text = text(value);
		if (text != null) {
			candidates.add(text);
		}
	}

	private static Tokens usageTokens(JsonNode usage) {
		Long in = count(usage, "input_tokens", "prompt_tokens");
		Long out = count(usage, "output_tokens", "completion_tokens");
		Long total = count(usage, "total_tokens");
		return Tokens.of(in, out, total);
	}

	private static Tokens arizeTokens(Map<String, JsonNode> attributes) {
		Long in = count(attributes, "llm.token_count.prompt", "gen_ai.usage.input_tokens");
		Long out = count(attributes, "llm.token_count.completion", "gen_ai.usage.output_tokens");
		Long total = count(attributes, "llm.token_count.total");
		return Tokens.of(in, out, total);
	}

	private static @Nullable Long count(JsonNode usage, String... keys) {
		for (String key : keys) {
			JsonNode value = usage.get(key);
			if (value != null && !value.isNull()) {
				return wholeNumber("usage." + key, value);
			}
		}
		return null;
	}

	private static @Nullable Long count(Map<String, JsonNode> attributes, String... keys) {
		for (String key : keys) {
			JsonNode value = attributes.get(key);
			if (value != null && !value.isNull()) {
				return wholeNumber("attributes." + key, value);
			}
		}
		return null;
	}

	private static long wholeNumber(String field, JsonNode value) {
		try {
			BigDecimal number = value.isNumber() ? value.decimalValue()
					: new BigDecimal(value.isString() ? value.asString().strip() : "x");
			return number.longValueExact();
		}
		catch (NumberFormatException | ArithmeticException ex) {
			throw new RejectedTrace(field + " must be a whole number, not " + value);
		}
	}

	private static Instant timestamp(JsonNode record, TraceFormat format) {
		JsonNode value = record.has("timestamp") && !record.get("timestamp").isNull() ? record.get("timestamp")
				: record.get("start_time");
		if (value == null || value.isNull()) {
			throw new RejectedTrace("timestamp is missing");
		}
		String field = record.has("timestamp") ? "timestamp" : "start_time";
		if (value.isNumber()) {
			double seconds = (format == TraceFormat.ARIZE) ? value.doubleValue() / 1000 : value.doubleValue();
			return instantOf(field, seconds);
		}
		if (!value.isString()) {
			throw new RejectedTrace(field + " must be an ISO-8601 time or epoch seconds");
		}
		return parseTime(field, value.asString());
	}

	static Instant parseTime(String field, String text) {
		String value = text.strip();
		try {
			return OffsetDateTime.parse(value.replace(' ', 'T').replaceFirst("[zZ]$", "+00:00")).toInstant();
		}
		catch (DateTimeParseException ex) {
			try {
				return LocalDateTime.parse(value.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
			}
			catch (DateTimeParseException again) {
				throw new RejectedTrace(field + " '" + text + "' is not an ISO-8601 time");
			}
		}
	}

	private static Instant instantOf(String field, double seconds) {
		if (!Double.isFinite(seconds) || Math.abs(seconds) > 253_402_300_799d) {
			throw new RejectedTrace(field + " is out of range");
		}
		long whole = (long) Math.floor(seconds);
		return Instant.ofEpochSecond(whole, Math.round((seconds - whole) * 1_000_000) * 1000);
	}

	private static @Nullable String model(JsonNode record, Map<String, JsonNode> attributes) {
		String model = firstText(attributes, "llm.model_name", "model", "llm.model", "model_name",
				"gen_ai.response.model", "gen_ai.request.model");
		return (model != null) ? model : text(record.get("model"));
	}

	private static double latency(JsonNode record, Map<String, JsonNode> attributes, TraceFormat format) {
		for (String key : new String[] { "latency_ms", "request.latency_ms", "response.latency_ms", "duration_ms" }) {
			Double value = number("attributes." + key, attributes.get(key));
			if (value != null) {
				return Math.max(value, 0);
			}
		}
		Double top = number("latency_ms", record.get("latency_ms"));
		if (top != null) {
			return Math.max(top, 0);
		}
		if (format == TraceFormat.ARIZE) {
			Double start = number("start_time", record.get("start_time"));
			Double end = number("end_time", record.get("end_time"));
			if (start != null && end != null) {
				return Math.max(end - start, 0);
			}
		}
		return 0.0;
	}

	private static @Nullable Integer status(JsonNode record, Map<String, JsonNode> attributes, TraceFormat format) {
		for (String key : new String[] { "status_code", "http.status_code", "response.status_code" }) {
			JsonNode value = attributes.get(key);
			if (value != null && !value.isNull()) {
				return httpStatus("attributes." + key, value);
			}
		}
		JsonNode top = record.get("status_code");
		if (format == TraceFormat.ARIZE && top != null && top.isString()) {
			return switch (top.asString().toUpperCase(Locale.ROOT)) {
				case "OK" -> 200;
				case "ERROR" -> 500;
				default -> null;
			};
		}
		if (top != null && !top.isNull()) {
			return httpStatus("status_code", top);
		}
		JsonNode status = record.get("status");
		if (format == TraceFormat.LITELLM && status != null && status.isString()) {
			return switch (status.asString().toLowerCase(Locale.ROOT)) {
				case "success" -> 200;
				case "failure", "error" -> 500;
				default -> null;
			};
		}
		return null;
	}

	private static int httpStatus(String field, JsonNode value) {
		long code = wholeNumber(field, value);
		if (code < 100 || code > 599) {
			throw new RejectedTrace(field + " " + code + " is not an HTTP status (100-599)");
		}
		return (int) code;
	}

	private static boolean accepted(Map<String, JsonNode> attributes) {
		for (String key : new String[] { "prod_lens.accepted", "accepted", "accepted_flag" }) {
			JsonNode value = attributes.get(key);
			if (value != null) {
				if (value.isBoolean()) {
					return value.booleanValue();
				}
				if (value.isString()) {
					String text = value.asString().strip().toLowerCase(Locale.ROOT);
					return text.equals("true") || text.equals("1") || text.equals("yes");
				}
				if (value.isNumber()) {
					return value.doubleValue() != 0;
				}
				return !value.isNull() && !value.isEmpty();
			}
		}
		return false;
	}

	private static @Nullable Double decimal(Map<String, JsonNode> attributes, String name) {
		for (String key : new String[] { name, "prod_lens." + name, "analysis." + name }) {
			Double value = number("attributes." + key, attributes.get(key));
			if (value != null) {
				if (value < 0 || value > 1) {
					throw new RejectedTrace("attributes." + key + " " + value + " must be between 0 and 1");
				}
				return value;
			}
		}
		return null;
	}

	private static @Nullable Integer whole(Map<String, JsonNode> attributes, String name) {
		for (String key : new String[] { name, "prod_lens." + name, "analysis." + name }) {
			JsonNode value = attributes.get(key);
			if (value != null && !value.isNull()) {
				long lines = wholeNumber("attributes." + key, value);
				if (lines < 0 || lines > Integer.MAX_VALUE) {
					throw new RejectedTrace("attributes." + key + " must be between 0 and " + Integer.MAX_VALUE);
				}
				return (int) lines;
			}
		}
		return null;
	}

	private static @Nullable Double number(String field, @Nullable JsonNode value) {
		if (value == null || value.isNull()) {
			return null;
		}
		try {
			double number = value.isNumber() ? value.doubleValue()
					: Double.parseDouble(value.isString() ? value.asString().strip() : "x");
			if (!Double.isFinite(number)) {
				throw new NumberFormatException();
			}
			return number;
		}
		catch (NumberFormatException ex) {
			throw new RejectedTrace(field + " must be a number, not " + value);
		}
	}

	private static @Nullable String firstText(JsonNode object, String... keys) {
		for (String key : keys) {
			String value = text(object.get(key));
			if (value != null) {
				return value;
			}
		}
		return null;
	}

	private static @Nullable String firstText(Map<String, JsonNode> attributes, String... keys) {
		for (String key : keys) {
			String value = text(attributes.get(key));
			if (value != null) {
				return value;
			}
		}
		return null;
	}

	private static @Nullable String text(@Nullable JsonNode value) {
		if (value == null || value.isNull() || value.isContainer()) {
			return null;
		}
		String text = value.isString() ? value.asString() : value.toString();
		return text.isEmpty() ? null : text;
	}

	private static @Nullable String limit(String field, @Nullable String value) {
		if (value != null && value.length() > MAX_TEXT) {
			throw new RejectedTrace(field + " is longer than " + MAX_TEXT + " characters");
		}
		return value;
	}

	/**
	 * Token counts as ProdLens derives them from whichever of in, out and total are
	 * given.
	 */
	private record Tokens(long in, long out) {

		static Tokens of(@Nullable Long in, @Nullable Long out, @Nullable Long total) {
			long tokensIn;
			if (in != null) {
				tokensIn = in;
			}
			else if (total != null) {
				tokensIn = (out != null) ? Math.max(total - out, 0) : total;
			}
			else {
				tokensIn = 0;
			}
			long tokensOut = (out != null) ? out : (total != null) ? Math.max(total - tokensIn, 0) : 0;
			return new Tokens(Math.max(tokensIn, 0), Math.max(tokensOut, 0));
		}

	}

}
