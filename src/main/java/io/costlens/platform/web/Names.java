package io.costlens.platform.web;

/** Java names as clients see them in JSON. */
public final class Names {

	private Names() {
	}

	/**
	 * {@code durationMs} → {@code duration_ms}; {@code items[0].modelName} →
	 * {@code items[0].model_name}.
	 */
	public static String snake(String name) {
		StringBuilder out = new StringBuilder(name.length() + 4);
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			if (Character.isUpperCase(c)) {
				out.append('_').append(Character.toLowerCase(c));
			}
			else {
				out.append(c);
			}
		}
		return out.toString();
	}

}
