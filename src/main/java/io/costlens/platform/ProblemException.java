package io.costlens.platform;

import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * A failure a client can cause and understand. Modules subclass it with exceptions named
 * for the failure ({@code ScenarioNotFound}, {@code DuplicateScenarioName}); the platform
 * maps every one of them to the problem+json shape once.
 */
public abstract class ProblemException extends RuntimeException {

	private final HttpStatus status;

	private final String code;

	protected ProblemException(HttpStatus status, String code, String message) {
		super(message, null, false, false);
		this.status = status;
		this.code = code;
	}

	/** The HTTP status of the response. */
	public HttpStatus status() {
		return this.status;
	}

	/** The machine-readable error code, e.g. {@code not_found}. */
	public String code() {
		return this.code;
	}

	/** Headers the response carries besides the problem, e.g. {@code Retry-After}. */
	public Map<String, String> headers() {
		return Map.of();
	}

}
