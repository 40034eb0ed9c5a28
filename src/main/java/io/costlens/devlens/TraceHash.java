package io.costlens.devlens;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

import org.jspecify.annotations.Nullable;

/**
 * ProdLens' dedup key: the SHA-1 of its canonical fields serialised as Python's
 * {@code json.dumps(..., sort_keys=True)} writes them, so a trace imported into both gets
 * the same hash.
 */
final class TraceHash {

	private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

	private TraceHash() {
	}

	static String of(CanonicalTrace trace) {
		var time = trace.timestamp().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
		int micros = time.getNano() / 1000;
		String iso = SECONDS.format(time) + ((micros != 0) ? String.format(".%06d", micros) : "") + "+00:00";
		LocalDate day = time.toLocalDate();
		StringBuilder json = new StringBuilder(256).append('{');
		json.append("\"accepted_flag\": ").append(trace.acceptedFlag() ? 1 : 0);
		json.append(", \"developer_id\": ").append(string(trace.developerId()));
		json.append(", \"event_date\": ").append(string(day.toString()));
		json.append(", \"latency_ms\": ").append(pythonFloat(trace.latencyMs()));
		json.append(", \"model\": ").append(string(trace.model()));
		json.append(", \"repo_slug\": ").append(string(trace.repoSlug()));
		json.append(", \"session_id\": ").append(string(trace.sessionId()));
		json.append(", \"status_code\": ").append((trace.statusCode() != null) ? trace.statusCode() : "null");
		json.append(", \"timestamp\": ").append(string(iso));
		json.append(", \"tokens_in\": ").append(trace.tokensIn());
		json.append(", \"tokens_out\": ").append(trace.tokensOut());
		json.append('}');
		try {
			byte[] digest = MessageDigest.getInstance("SHA-1").digest(json.toString().getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-1 is part of every JDK", ex);
		}
	}

	/** A JSON string as Python writes it with {@code ensure_ascii}. */
	static String string(@Nullable String value) {
		if (value == null) {
			return "null";
		}
		StringBuilder out = new StringBuilder(value.length() + 2).append('"');
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				case '\b' -> out.append("\\b");
				case '\f' -> out.append("\\f");
				default -> {
					if (c < 0x20 || c > 0x7e) {
						out.append(String.format("\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		return out.append('"').toString();
	}

	/**
	 * A float as Python's {@code repr} writes it: shortest digits, exponent outside
	 * 1e-4..1e16.
	 */
	static String pythonFloat(double value) {
		double magnitude = Math.abs(value);
		if (magnitude != 0 && (magnitude < 1e-4 || magnitude >= 1e16)) {
			String java = Double.toString(value);
			int e = java.indexOf('E');
			String mantissa = java.substring(0, e);
			if (mantissa.endsWith(".0")) {
				mantissa = mantissa.substring(0, mantissa.length() - 2);
			}
			int exponent = Integer.parseInt(java.substring(e + 1));
			return mantissa + "e" + ((exponent < 0) ? "-" : "+") + String.format("%02d", Math.abs(exponent));
		}
		String plain = new BigDecimal(Double.toString(value)).toPlainString();
		return plain.contains(".") ? plain : plain + ".0";
	}

}
