package io.costlens.dashboard;

import org.jspecify.annotations.Nullable;

import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import io.costlens.platform.Page;

/**
 * The links of a paged table: the current request's URL with another page number, so the
 * filters stay as they are.
 *
 * @param page this page
 * @param last the last page
 * @param total rows over all pages
 * @param previous the previous page's URL, {@code null} on the first
 * @param next the next page's URL, {@code null} on the last
 */
record Pager(int page, long last, long total, @Nullable String previous, @Nullable String next) {

	static Pager of(Page<?> page) {
		long last = Math.max(1, (page.total() + page.pageSize() - 1) / page.pageSize());
		return new Pager(page.page(), last, page.total(), (page.page() > 1) ? link(page.page() - 1) : null,
				(page.page() < last) ? link(page.page() + 1) : null);
	}

	private static String link(int number) {
		return ServletUriComponentsBuilder.fromCurrentRequest()
			.replaceQueryParam("page", number)
			.build()
			.toUriString()
			.replaceFirst("^[a-z]+://[^/]+", "");
	}

}
