package io.costlens.platform.observability;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import io.costlens.platform.CorrelationId;
import io.costlens.platform.InvalidRequest;
import io.costlens.platform.Text;
import io.costlens.platform.web.ProblemWriter;
import io.costlens.platform.web.RequestFilter;

/**
 * Gives every request its correlation id before anything else runs, so every response,
 * errors included, echoes it and every log line of the request carries it. A request
 * whose {@code X-Correlation-ID} is not sane (over 128 characters, or characters other
 * than letters, digits and {@code . _ : / + = -}) is answered 400 under a generated id.
 * Each finished request is logged at DEBUG.
 */
class CorrelationIdFilter extends RequestFilter {

	private static final Logger log = LoggerFactory.getLogger(CorrelationIdFilter.class);

	private final ProblemWriter problems;

	CorrelationIdFilter(ProblemWriter problems) {
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String given = request.getHeader(CorrelationId.HEADER);
		boolean sane = CorrelationId.isSane(given);
		String id = sane ? given : CorrelationId.generate();
		MDC.put(CorrelationId.KEY, id);
		response.setHeader(CorrelationId.HEADER, id);
		long start = System.nanoTime();
		try {
			if (given != null && !sane) {
				this.problems.write(request, response, new InvalidRequest(CorrelationId.HEADER
						+ ": must be 1 to 128 letters, digits or . _ : / + = - (this response's id is generated)"));
				return;
			}
			chain.doFilter(request, response);
		}
		finally {
			if (log.isDebugEnabled()) {
				log.debug("{} {} answered {} in {} ms", Text.sanitized(request.getMethod(), 16),
						Text.sanitized(request.getRequestURI(), 300), response.getStatus(),
						(System.nanoTime() - start) / 1_000_000);
			}
			MDC.remove(CorrelationId.KEY);
		}
	}

}
