package io.costlens.platform.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.AntPathMatcher;
import org.springframework.util.unit.DataSize;

import io.costlens.platform.EndpointRules;
import io.costlens.platform.EndpointRules.BodySize;

/**
 * Rejects bodies over the limit for their path with 413: at once when the declared length
 * says so, and while reading when a chunked body grows past it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestSizeLimitFilter extends RequestFilter {

	private static final AntPathMatcher PATHS = new AntPathMatcher();

	private final LimitsProperties limits;

	private final Map<String, BodySize> bodies;

	private final ProblemWriter problems;

	RequestSizeLimitFilter(LimitsProperties limits, List<EndpointRules> rules, ProblemWriter problems) {
		this.limits = limits;
		this.bodies = new LinkedHashMap<>();
		rules.forEach((r) -> this.bodies.putAll(r.bodies()));
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getContentLengthLong() <= 0 && request.getHeader("Transfer-Encoding") == null) {
			// no body at all (a GET, say): nothing to limit
			chain.doFilter(request, response);
			return;
		}
		DataSize limit = limitFor(request.getRequestURI());
		if (request.getContentLengthLong() > limit.toBytes()) {
			this.problems.write(request, response, new PayloadTooLarge(limit));
			return;
		}
		chain.doFilter(new LimitedRequest(request, limit), response);
	}

	private DataSize limitFor(String path) {
		for (Map.Entry<String, BodySize> body : this.bodies.entrySet()) {
			String pattern = body.getKey();
			if (PATHS.isPattern(pattern) ? PATHS.match(pattern, path) : pattern.equals(path)) {
				return this.limits.sizeOf(body.getValue());
			}
		}
		return this.limits.maxBodySize();
	}

	private static final class LimitedRequest extends HttpServletRequestWrapper {

		private final DataSize limit;

		private ServletInputStream stream;

		LimitedRequest(HttpServletRequest request, DataSize limit) {
			super(request);
			this.limit = limit;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (this.stream == null) {
				this.stream = new LimitedInputStream(super.getInputStream(), this.limit);
			}
			return this.stream;
		}

	}

	private static final class LimitedInputStream extends ServletInputStream {

		private final ServletInputStream delegate;

		private final DataSize limit;

		private long read;

		LimitedInputStream(ServletInputStream delegate, DataSize limit) {
			this.delegate = delegate;
			this.limit = limit;
		}

		@Override
		public int read() throws IOException {
			int b = this.delegate.read();
			if (b >= 0) {
				count(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = this.delegate.read(buffer, offset, length);
			if (n > 0) {
				count(n);
			}
			return n;
		}

		private void count(int n) {
			this.read += n;
			if (this.read > this.limit.toBytes()) {
				throw new PayloadTooLarge(this.limit);
			}
		}

		@Override
		public boolean isFinished() {
			return this.delegate.isFinished();
		}

		@Override
		public boolean isReady() {
			return this.delegate.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			this.delegate.setReadListener(listener);
		}

	}

}
