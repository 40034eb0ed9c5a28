package io.costlens.platform.observability;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.ServletResponseWrapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.connector.ResponseFacade;

import org.springframework.web.servlet.HandlerMapping;

import io.costlens.platform.web.RequestFilter;

/**
 * Records the size of every response body as {@code http.server.response.size} (bytes),
 * tagged like {@code http.server.requests}: method, the route's pattern (never the raw
 * path, so ids do not become labels), status and outcome. The count comes from the
 * servlet container (what the application wrote), or from {@code Content-Length}.
 */
class ResponseSizeMetrics extends RequestFilter {

	/** Beyond this many tag sets a summary is looked up in the registry each time. */
	private static final int MAX_CACHED = 1024;

	private final MeterRegistry meters;

	/**
	 * The summary of each tag set seen: building the meter's id and finding it in the
	 * registry on every request was about 2 % of a {@code /health} request's CPU time.
	 */
	private final Map<Key, DistributionSummary> summaries = new ConcurrentHashMap<>();

	ResponseSizeMetrics(MeterRegistry meters) {
		this.meters = meters;
	}

	@Override
	protected boolean filtersAsyncDispatch() {
		return true;
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
		Key key = new Key(request.getMethod(), (pattern != null) ? pattern.toString() : "UNKNOWN",
				response.getStatus());
		DistributionSummary summary = this.summaries.get(key);
		if (summary == null) {
			summary = register(key);
			if (this.summaries.size() < MAX_CACHED) {
				this.summaries.put(key, summary);
			}
		}
		summary.record(size);
	}

	private DistributionSummary register(Key key) {
		return DistributionSummary.builder("http.server.response.size")
			.description("Size of the response bodies")
			.baseUnit("bytes")
			.tag("method", key.method())
			.tag("uri", key.uri())
			.tag("status", String.valueOf(key.status()))
			.tag("outcome", outcome(key.status()))
			.serviceLevelObjectives(256, 1024, 16 * 1024, 256 * 1024, 1024 * 1024, 16 * 1024 * 1024)
			.register(this.meters);
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

	private record Key(String method, String uri, int status) {
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
