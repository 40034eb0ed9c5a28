package io.costlens.devlens;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.costlens.platform.Page;
import io.costlens.platform.TimeParam;

/**
 * A sessions-list request: filters, a time range {@code [start, end)}, the order and the
 * page.
 *
 * @param developerId only this developer's sessions
 * @param model only this model's
 * @param repo only this repository's
 * @param start from this time (a date means its start)
 * @param end before this time (a date means the end of that day)
 * @param sortBy {@code timestamp}, {@code cost}, {@code tokens} or {@code latency}
 * @param descending the order
 * @param page the page, from 1
 * @param pageSize 1 to 100
 */
record SessionQuery(@Nullable String developerId, @Nullable String model, @Nullable String repo,
		@Nullable Instant start, @Nullable Instant end, String sortBy, boolean descending, int page, int pageSize) {

	/** The column each {@code sort_by} orders by. */
	static final Map<String, String> SORT_COLUMNS = Map.of("timestamp", "started_at", "cost", "cost_usd", "tokens",
			"total_tokens", "latency", "latency_ms");

	static SessionQuery of(@Nullable String developerId, @Nullable String model, @Nullable String repo,
			@Nullable String start, @Nullable String end, String sortBy, String sortOrder, String page,
			String pageSize) {
		String sort = sortBy.strip().toLowerCase(Locale.ROOT);
		if (!SORT_COLUMNS.containsKey(sort)) {
			throw Paging.invalid("sort_by", "must be one of timestamp, cost, tokens, latency, not '" + sortBy + "'");
		}
		String order = sortOrder.strip().toLowerCase(Locale.ROOT);
		if (!order.equals("asc") && !order.equals("desc")) {
			throw Paging.invalid("sort_order", "must be asc or desc, not '" + sortOrder + "'");
		}
		Instant from = time("start", start, false);
		Instant until = time("end", end, true);
		if (from != null && until != null && !from.isBefore(until)) {
			throw Paging.invalid("end", "must be after start");
		}
		return new SessionQuery(blank(developerId), blank(model), blank(repo), from, until, sort, order.equals("desc"),
				Paging.page(page), Paging.pageSize(pageSize));
	}

	String sortColumn() {
		return SORT_COLUMNS.get(this.sortBy);
	}

	long offset() {
		return Page.offset(this.page, this.pageSize);
	}

	/**
	 * A time in the forms every endpoint reads ({@link TimeParam}); a date as end
	 * includes its day.
	 */
	private static @Nullable Instant time(String name, @Nullable String value, boolean end) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			TimeParam time = TimeParam.parse(value);
			return end ? time.end() : time.start();
		}
		catch (DateTimeParseException ex) {
			throw Paging.invalid(name, TimeParam.reason(value));
		}
	}

	private static @Nullable String blank(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
