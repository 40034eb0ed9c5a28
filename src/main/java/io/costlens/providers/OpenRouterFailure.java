package io.costlens.providers;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * A call to OpenRouter that did not succeed, with OpenRouter's own message when it sent
 * one. The message never holds the API key.
 */
class OpenRouterFailure extends RuntimeException {

	private final Kind kind;

	private final int status;

	private final @Nullable Duration retryAfter;

	OpenRouterFailure(Kind kind, int status, String message, @Nullable Duration retryAfter) {
		super(message, null, false, false);
		this.kind = kind;
		this.status = status;
		this.retryAfter = retryAfter;
	}

	Kind kind() {
		return this.kind;
	}

	/** The HTTP status OpenRouter answered, 0 when it answered none. */
	int status() {
		return this.status;
	}

	@Nullable Duration retryAfter() {
		return this.retryAfter;
	}

	/** Whether OpenRouter refused the key itself (401 or 403). */
	boolean rejectsKey() {
		return this.kind == Kind.UNAUTHORIZED || this.kind == Kind.FORBIDDEN;
	}

	/** What went wrong, as far as retrying is concerned. */
	enum Kind {

		/** 401: the key is invalid, disabled or revoked. */
		UNAUTHORIZED(false),

		/** 403: the key may not do this. */
		FORBIDDEN(false),

		/** 429 (or 408): try again later. */
		RATE_LIMITED(true),

		/** 5xx. */
		SERVER_ERROR(true),

		/** Another 4xx. */
		CLIENT_ERROR(false),

		/** No answer: connection refused or reset, timeout. */
		NETWORK(true),

		/** An answer that is not the documented JSON, or larger than allowed. */
		MALFORMED(false),

		/** No turn under the shared rate limit came in time. */
		THROTTLED(false);

		private final boolean retryable;

		Kind(boolean retryable) {
			this.retryable = retryable;
		}

		boolean retryable() {
			return this.retryable;
		}

	}

}
