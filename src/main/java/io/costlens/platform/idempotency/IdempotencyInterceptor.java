package io.costlens.platform.idempotency;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.util.WebUtils;

import io.costlens.platform.Conflict;
import io.costlens.platform.CurrentUser;
import io.costlens.platform.Idempotent;
import io.costlens.platform.InvalidFields;
import io.costlens.platform.InvalidRequest;
import io.costlens.platform.idempotency.IdempotencyFilter.BufferedRequest;
import io.costlens.platform.idempotency.IdempotencyFilter.Claim;
import io.costlens.platform.idempotency.IdempotencyKeys.Stored;

/**
 * Before an {@link Idempotent} handler runs for a request with an
 * {@code Idempotency-Key}: checks the key, fingerprints the request (method, path, query,
 * {@code Content-Type}, {@code X-Scenario-ID} and body) and claims the key for the
 * caller. A key seen before answers for itself: the stored first response (replayed), 422
 * for another request under the same key, 409 while the first is still in flight.
 */
class IdempotencyInterceptor implements HandlerInterceptor {

	static final String REPLAYED = "Idempotent-Replayed";

	/** Stripe's bound; printable ASCII only, so it is safe in logs and headers. */
	static final int MAX_KEY_LENGTH = 255;

	private final IdempotencyKeys keys;

	private final IdempotencyProperties properties;

	IdempotencyInterceptor(IdempotencyKeys keys, IdempotencyProperties properties) {
		this.keys = keys;
		this.properties = properties;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
			throws IOException {
		BufferedRequest buffered = WebUtils.getNativeRequest(request, BufferedRequest.class);
		if (buffered == null || !(handler instanceof HandlerMethod method)
				|| !method.hasMethodAnnotation(Idempotent.class)) {
			return true;
		}
		String key = checked(request.getHeader(IdempotencyFilter.HEADER));
		Optional<CurrentUser> user = CurrentUser.current();
		if (user.isEmpty()) {
			return true;
		}
		String caller = user.get().userId().toString();
		String fingerprint = fingerprint(request, buffered.body());
		Optional<Stored> seen = this.keys.claim(caller, key, fingerprint);
		if (seen.isEmpty()) {
			ResponseStatus status = method.getMethodAnnotation(ResponseStatus.class);
			int success = (status != null)
					? ((status.code() != HttpStatus.INTERNAL_SERVER_ERROR) ? status.code() : status.value()).value()
					: HttpStatus.OK.value();
			request.setAttribute(IdempotencyFilter.CLAIM, new Claim(caller, key, success));
			return true;
		}
		Stored stored = seen.get();
		if (!stored.fingerprint().equals(fingerprint)) {
			throw new InvalidFields(List.of(new InvalidFields.Field(IdempotencyFilter.HEADER,
					"was already used with another request; use a new key for a new request")));
		}
		if (!IdempotencyKeys.DONE.equals(stored.state()) || stored.status() == null) {
			throw new InFlight(IdempotencyKeys.UNCERTAIN.equals(stored.state())
					? "The first request with this Idempotency-Key timed out and may still be stored; retry shortly"
					: "A request with this Idempotency-Key is still being processed; retry shortly",
					this.properties.lease());
		}
		response.setStatus(stored.status());
		if (stored.contentType() != null) {
			response.setContentType(stored.contentType());
		}
		response.setHeader(REPLAYED, "true");
		byte[] body = (stored.body() != null) ? stored.body().getBytes(StandardCharsets.UTF_8) : new byte[0];
		response.getOutputStream().write(body);
		return false;
	}

	private static String checked(String key) {
		if (key.isEmpty() || key.length() > MAX_KEY_LENGTH || !key.chars().allMatch((c) -> c >= 0x21 && c <= 0x7e)) {
			throw new InvalidRequest("Idempotency-Key: 1 to " + MAX_KEY_LENGTH
					+ " printable ASCII characters without spaces (a UUID is a good key)");
		}
		return key;
	}

	private static String fingerprint(HttpServletRequest request, byte[] body) {
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			for (String part : new String[] { request.getMethod(), request.getRequestURI(), request.getQueryString(),
					request.getContentType(), request.getHeader("X-Scenario-ID") }) {
				sha.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
				sha.update((byte) 0);
			}
			return HexFormat.of().formatHex(sha.digest(body));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
	}

	/** 409: the first request with the key has not finished. */
	static final class InFlight extends Conflict {

		private final Duration retryAfter;

		InFlight(String message, Duration lease) {
			super(message);
			this.retryAfter = lease;
		}

		@Override
		public Map<String, String> headers() {
			return Map.of("Retry-After", String.valueOf(Math.clamp(this.retryAfter.toSeconds() / 10, 1, 10)));
		}

	}

}
