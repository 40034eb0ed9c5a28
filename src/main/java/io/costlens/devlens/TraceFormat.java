package io.costlens.devlens;

/** The shapes of trace record an import understands. */
enum TraceFormat {

	/**
	 * ProdLens: {@code timestamp}, {@code usage} and {@code metadata}/{@code attributes}.
	 */
	PRODLENS,

	/**
	 * The LiteLLM logger: {@code prompt_tokens}/{@code completion_tokens}, top-level
	 * model.
	 */
	LITELLM,

	/** A flattened Arize/Phoenix span export ({@code attributes.llm.*} columns). */
	ARIZE;

	String value() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

}
