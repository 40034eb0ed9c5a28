package io.costlens.providers;

import org.springframework.http.HttpStatus;

import io.costlens.platform.ProblemException;

/**
 * A sync or validation asked for now could not finish because OpenRouter did not answer
 * as documented: 502 with OpenRouter's own message. Nothing was changed.
 */
class ProviderCallFailed extends ProblemException {

	ProviderCallFailed(String message) {
		super(HttpStatus.BAD_GATEWAY, "provider_error", message);
	}

}
