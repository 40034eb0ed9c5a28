package io.costlens.platform;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list, the shape every paginated endpoint answers with:
 * {@code {"items","total","page","page_size"}}.
 *
 * @param items the page's items
 * @param total items over all pages
 * @param page the page number, from 1
 * @param pageSize the page size
 * @param <T> the item type
 */
public record Page<T>(List<T> items, long total, int page, int pageSize) {

	/**
	 * How many rows come before a page, as a {@code long}: page 2 147 483 647 of 100 is
	 * far past any table (an empty page), not an overflow.
	 */
	public static long offset(int page, int pageSize) {
		return (long) (Math.max(page, 1) - 1) * pageSize;
	}

	public <R> Page<R> map(Function<T, R> mapper) {
		return new Page<>(this.items.stream().map(mapper).toList(), this.total, this.page, this.pageSize);
	}

}
