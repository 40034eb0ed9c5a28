package io.costlens.platform.idempotency;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.web.util.ContentCachingResponseWrapper;

import io.costlens.platform.web.RequestFilter;

/**
 * For a {@code POST} carrying an {@code Idempotency-Key}: keeps the body readable twice
 * (once for its fingerprint, once for the handler) and the response in memory, so that
 * after the handler ran the first response can be stored with the key. Whether the
 * handler honours keys, and the claim itself, is up to {@link IdempotencyInterceptor}.
 */
class IdempotencyFilter extends RequestFilter {

	static final String HEADER = "Idempotency-Key";

	static final String CLAIM = IdempotencyFilter.class.getName() + ".claim";

	private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);

	private final IdempotencyKeys keys;

	private final IdempotencyProperties properties;

	IdempotencyFilter(IdempotencyKeys keys, IdempotencyProperties properties) {
		this.keys = keys;
		this.properties = properties;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		BufferedRequest buffered = new BufferedRequest(request);
		ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
		try {
			chain.doFilter(buffered, captured);
		}
		finally {
			if (buffered.getAttribute(CLAIM) instanceof Claim claim) {
				settle(claim, buffered, captured);
			}
			captured.copyBodyToResponse();
		}
	}

	private void settle(Claim claim, HttpServletRequest request, ContentCachingResponseWrapper response) {
		try {
			CompletableFuture<?> late = LateCommits.of(request);
			int status = response.getStatus();
			if (late != null && status == HttpServletResponse.SC_SERVICE_UNAVAILABLE) {
				// the write may still commit: no retry may run it again until it settled
				this.keys.holdUntilSettled(claim.caller(), claim.key(), this.properties.lease());
				late.whenComplete((result, failure) -> settleLate(claim, failure));
			}
			else if (status >= 200 && status < 300) {
				this.keys.finish(claim.caller(), claim.key(), status, response.getContentType(),
						new String(response.getContentAsByteArray(), StandardCharsets.UTF_8));
			}
			else {
				this.keys.release(claim.caller(), claim.key());
			}
		}
		catch (RuntimeException ex) {
			// the key stays claimed until its lease runs out, then a retry takes it over
			log.warn("Could not record the outcome of an idempotent request: {}", ex.getMessage());
		}
	}

	private void settleLate(Claim claim, @Nullable Throwable failure) {
		try {
			if (failure != null) {
				this.keys.release(claim.caller(), claim.key());
			}
			else {
				this.keys.finish(claim.caller(), claim.key(), claim.successStatus(), "application/json",
						"{\"status\":\"stored\",\"detail\":\"The first request with this Idempotency-Key was stored "
								+ "after its answer (503) had timed out; its full response is not available.\"}");
			}
		}
		catch (RuntimeException ex) {
			log.warn("Could not record the late outcome of an idempotent request: {}", ex.getMessage());
		}
	}

	/**
	 * A claimed key.
	 *
	 * @param caller whose key it is
	 * @param key the key
	 * @param successStatus the status the handler answers on success, for a write that
	 * commits after its request timed out
	 */
	record Claim(String caller, String key, int successStatus) {
	}

	/** A request whose body is read once, on first use, and can then be read again. */
	static final class BufferedRequest extends HttpServletRequestWrapper {

		private byte @Nullable [] body;

		BufferedRequest(HttpServletRequest request) {
			super(request);
		}

		/** The whole body (read now if it was not yet). */
		byte[] body() throws IOException {
			byte[] read = this.body;
			if (read == null) {
				read = super.getInputStream().readAllBytes();
				this.body = read;
			}
			return read;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (this.body == null) {
				return super.getInputStream();
			}
			ByteArrayInputStream in = new ByteArrayInputStream(this.body);
			return new ServletInputStream() {

				@Override
				public int read() {
					return in.read();
				}

				@Override
				public int read(byte[] b, int off, int len) {
					return in.read(b, off, len);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException("blocking reads only");
				}

			};
		}

		@Override
		public java.io.BufferedReader getReader() throws IOException {
			return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(),
					(getCharacterEncoding() != null) ? getCharacterEncoding() : "UTF-8"));
		}

	}

}
