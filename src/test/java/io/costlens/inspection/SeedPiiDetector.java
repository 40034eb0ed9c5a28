package io.costlens.inspection;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The seed's detector ({@code services/pii_detector.py} of seed 000), ported faithfully
 * so it can be scored on the same corpus: its {@code PIIDetector.PATTERNS} with Python 3
 * {@code str} semantics (Unicode {@code \d} and {@code \b}), counted as
 * {@code re.findall} counts, and its {@code detect_simple}, which the seed's ingest path
 * actually used. It has no IPv6 and no IBAN pattern.
 */
final class SeedPiiDetector {

	private static final Map<PiiType, Pattern> PATTERNS = new LinkedHashMap<>();

	static {
		PATTERNS.put(PiiType.EMAIL, python("\\b[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Z|a-z]{2,}\\b"));
		PATTERNS.put(PiiType.SSN, python("\\b\\d{3}-\\d{2}-\\d{4}\\b"));
		PATTERNS.put(PiiType.CREDIT_CARD, python("\\b(?:\\d[ -]*?){13,16}\\b"));
		PATTERNS.put(PiiType.PHONE, python("\\b\\d{3}[-.]?\\d{3}[-.]?\\d{4}\\b"));
		PATTERNS.put(PiiType.IP_ADDRESS, python("\\b(?:\\d{1,3}\\.){3}\\d{1,3}\\b"));
	}

	private SeedPiiDetector() {
	}

	private static Pattern python(String regex) {
		return Pattern.compile(regex, Pattern.UNICODE_CHARACTER_CLASS);
	}

	/** {@code PIIDetector.detect}: the number of matches per type. */
	static Map<PiiType, Integer> detect(String message) {
		Map<PiiType, Integer> found = new EnumMap<>(PiiType.class);
		PATTERNS.forEach((type, pattern) -> {
			Matcher matcher = pattern.matcher(message);
			while (matcher.find()) {
				found.merge(type, 1, Integer::sum);
			}
		});
		return found;
	}

	/**
	 * {@code PIIDetector.detect_simple}: {@code '@' in message and '.com' in message}.
	 */
	static boolean detectSimple(String message) {
		return message.contains("@") && message.contains(".com");
	}

	static boolean covers(PiiType type) {
		return PATTERNS.containsKey(type);
	}

}
