package io.costlens.providers;

/**
 * What responses and logs show of a provider key: its well-known prefix (or first four
 * characters) and its last four, e.g. {@code sk-or-v1-…a1b2}.
 */
final class KeyPreview {

	private static final String[] KNOWN_PREFIXES = { "sk-or-v1-", "sk-or-" };

	private KeyPreview() {
	}

	static String of(String key) {
		if (key.length() < 12) {
			return "…";
		}
		String prefix = key.substring(0, 4);
		for (String known : KNOWN_PREFIXES) {
			if (key.startsWith(known) && key.length() >= known.length() + 8) {
				prefix = known;
				break;
			}
		}
		return prefix + "…" + key.substring(key.length() - 4);
	}

}
