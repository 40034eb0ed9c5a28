package io.costlens.inspection;

/** The BPE vocabularies a {@link TokenCounter} counts with. */
enum TokenEncoding {

	/** GPT-4 and GPT-3.5-turbo; the default. */
	CL100K_BASE,

	/** GPT-4o and newer OpenAI models. */
	O200K_BASE

}
