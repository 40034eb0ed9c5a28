package io.costlens.platform.idempotency;

import java.util.concurrent.CompletableFuture;

import org.jspecify.annotations.Nullable;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Where a write path reports that the commit a request waited for timed out but may still
 * happen: an idempotent request then keeps its key until that commit settles, so a retry
 * can never store the same thing twice.
 */
public final class LateCommits {

	static final String ATTRIBUTE = LateCommits.class.getName();

	private LateCommits() {
	}

	/**
	 * Remembers, for the request this thread serves (if any), the commit still pending.
	 */
	public static void timedOut(CompletableFuture<?> commit) {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request != null) {
			request.setAttribute(ATTRIBUTE, commit, RequestAttributes.SCOPE_REQUEST);
		}
	}

	static @Nullable CompletableFuture<?> of(jakarta.servlet.http.HttpServletRequest request) {
		return (request.getAttribute(ATTRIBUTE) instanceof CompletableFuture<?> commit) ? commit : null;
	}

}
