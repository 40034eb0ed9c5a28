package io.costlens.platform.web;

import java.io.IOException;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A filter of the platform's own that runs once per request: on the request's first
 * dispatch, and on an async dispatch only when {@link #filtersAsyncDispatch()} says so;
 * never on a forward, include or error dispatch. It does what Spring's
 * {@code OncePerRequestFilter} does for these filters without the request attribute that
 * one sets and removes on every request (a few per cent of the CPU time of a
 * {@code /health} request over the platform's filters, JFR, bench/request-path).
 */
public abstract class RequestFilter implements Filter {

	@Override
	public final void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		if (request instanceof HttpServletRequest http && response instanceof HttpServletResponse httpResponse
				&& runsOn(http.getDispatcherType()) && !shouldNotFilter(http)) {
			doFilterInternal(http, httpResponse, chain);
			return;
		}
		chain.doFilter(request, response);
	}

	private boolean runsOn(DispatcherType type) {
		return type == DispatcherType.REQUEST || (type == DispatcherType.ASYNC && filtersAsyncDispatch());
	}

	/** Whether this request passes by untouched (none does unless overridden). */
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return false;
	}

	/** Whether the filter runs again on the dispatch that resumes an async request. */
	protected boolean filtersAsyncDispatch() {
		return false;
	}

	/** The filter's work for a request it does not pass by. */
	protected abstract void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
			FilterChain chain) throws ServletException, IOException;

}
