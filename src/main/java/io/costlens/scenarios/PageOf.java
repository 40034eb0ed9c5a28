package io.costlens.scenarios;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list, in the shape of SPEC §2.
 *
 * @param items the page's items
 * @param total items over all pages
 * @param page the page number, from 1
 * @param pageSize the page size
 * @param <T> the item type
 */
public record PageOf<T>(List<T> items, long total, int page, int pageSize) {

	public <R> PageOf<R> map(Function<T, R> mapper) {
		return new PageOf<>(this.items.stream().map(mapper).toList(), this.total, this.page, this.pageSize);
	}

}
