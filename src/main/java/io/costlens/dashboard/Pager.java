package io.costlens.dashboard;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import io.costlens.platform.Page;

/**
 * The links of a paged table: the current request's path and query with another page
 * number, so the filters stay as they are. Public so that the pager's expressions compile
 * (SpEL compiles calls on public types only).
 *
 * @param page this page
 * @param last the last page
 * @param total rows over all pages
 * @param previous the previous page's URL, {@code null} on the first
 * @param next the next page's URL, {@code null} on the last
 */
public record Pager(int page, long last, long total, @Nullable String previous, @Nullable String next) {

	static Pager of(Page<?> page) {
		long last = Math.max(1, (page.total() + page.pageSize() - 1) / page.pageSize());
		HttpServletRequest request = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes())
			.getRequest();
		return new Pager(page.page(), last, page.total(), (page.page() > 1) ? link(request, page.page() - 1) : null,
				(page.page() < last) ? link(request, page.page() + 1) : null);
	}

	/**
	 * The request's path and query (as the browser sent them, still encoded) without its
	 * {@code page} parameters, with {@code page=number} last.
	 */
	static String link(HttpServletRequest request, int number) {
		StringBuilder link = new StringBuilder(request.getRequestURI()).append('?');
		String query = request.getQueryString();
		if (query != null) {
			for (String parameter : query.split("&")) {
				if (!parameter.isEmpty() && !parameter.equals("page") && !parameter.startsWith("page=")) {
					link.append(parameter).append('&');
				}
			}
		}
		return link.append("page=").append(number).toString();
	}

}
