package io.costlens.platform;

import java.time.Duration;
import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * The service cannot take the request now (a write queue is full, or a write did not
 * commit in time): answered with 503 and a {@code Retry-After} header, never by dropping
 * data.
 */
public class Overloaded extends ProblemException {

	private final Duration retryAfter;

	public Overloaded(String message, Duration retryAfter) {
		super(HttpStatus.SERVICE_UNAVAILABLE, "service_unavailable", message);
		this.retryAfter = retryAfter;
	}

	/** How long the client should wait before it tries again. */
	public Duration retryAfter() {
		return this.retryAfter;
	}

	@Override
	public Map<String, String> headers() {
		return Map.of("Retry-After", String.valueOf(Math.max(1, this.retryAfter.toSeconds())));
	}

}
