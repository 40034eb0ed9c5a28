package io.costlens.platform;

import java.util.Map;

import org.springframework.http.HttpStatus;

/** The caller went over a limit; {@code Retry-After} says when to try again. */
public class TooManyRequests extends ProblemException {

	private final long retryAfterSeconds;

	public TooManyRequests(String message, long retryAfterSeconds) {
		super(HttpStatus.TOO_MANY_REQUESTS, "rate_limited", message);
		this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
	}

	@Override
	public Map<String, String> headers() {
		return Map.of("Retry-After", String.valueOf(this.retryAfterSeconds));
	}

}
