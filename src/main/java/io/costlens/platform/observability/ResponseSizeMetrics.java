package io.costlens.platform.observability;

import java.io.IOException;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.ServletResponseWrapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.connector.ResponseFacade;

import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Records the size of every response body as {@code http.server.response.size} (bytes),
 * tagged like {@code http.server.requests}: method, the route's pattern (never the raw
 * path, so ids do not become labels), status and outcome. The count comes from the
 * servlet container (what the application wrote), or from {@code Content-Length}.
 */
class ResponseSizeMetrics extends OncePerRequestFilter {

	private final MeterRegistry meters;

	ResponseSizeMetrics(MeterRegistry meters) {
		this.meters = meters;
	}

	@Override
	protected boolean shouldNotFilterAsyncDispatch() {
		return false;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		finally {
			if (!request.isAsyncStarted()) {
				record(request, response);
			}
		}
	}

	private void record(HttpServletRequest request, HttpServletResponse response) {
		long size = sizeOf(response);
		if (size < 0) {
			return;
		}
		Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
		int status = response.getStatus();
		DistributionSummary.builder("http.server.response.size")
			.description("Size of the response bodies")
			.baseUnit("bytes")
			.tag("method", request.getMethod())
			.tag("uri", (pattern != null) ? pattern.toString() : "UNKNOWN")
			.tag("status", String.valueOf(status))
			.tag("outcome", outcome(status))
			.serviceLevelObjectives(256, 1024, 16 * 1024, 256 * 1024, 1024 * 1024, 16 * 1024 * 1024)
			.register(this.meters)
			.record(size);
	}

	private static long sizeOf(ServletResponse response) {
		ServletResponse current = response;
		while (current instanceof ServletResponseWrapper wrapper) {
			current = wrapper.getResponse();
		}
		if (current instanceof ResponseFacade tomcat) {
			return tomcat.getContentWritten();
		}
		String length = (response instanceof HttpServletResponse http) ? http.getHeader("Content-Length") : null;
		return (length != null) ? Long.parseLong(length) : -1;
	}

	private static String outcome(int status) {
		return switch (status / 100) {
			case 1 -> "INFORMATIONAL";
			case 2 -> "SUCCESS";
			case 3 -> "REDIRECTION";
			case 4 -> "CLIENT_ERROR";
			case 5 -> "SERVER_ERROR";
			default -> "UNKNOWN";
		};
	}

}
