package io.costlens.providers;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.costlens.platform.Caches;
import io.costlens.platform.Caches.Level;
import io.costlens.platform.Page;
import io.costlens.platform.InvalidRequest;
import io.costlens.platform.TimeParam;

/** Seed B's usage stats: rows per key, day and model, and their totals. */
@RestController
@RequestMapping("/api/usage")
@Tag(name = "Provider usage", description = "Usage, tokens and cost synced from OpenRouter")
class UsageController {

	private static final TypeReference<UsagePage> PAGE = new TypeReference<>() {
	};

	private static final TypeReference<Summary> SUMMARY = new TypeReference<>() {
	};

	private final ProviderKeys keys;

	private final UsageRepository usage;

	private final Caches caches;

	UsageController(ProviderKeys keys, UsageRepository usage, Caches caches) {
		this.caches = caches;
		this.keys = keys;
		this.usage = usage;
	}

	@GetMapping
	@Operation(summary = "Usage rows (newest day first) of the caller's keys, with their summary; "
			+ "admins see every user's")
	@ApiResponse(responseCode = "400", description = "A bad date, from after to, or a bad page (validation_error)")
	@ApiResponse(responseCode = "403", description = "A member asked for another user's usage (forbidden)")
	UsagePage list(@RequestParam(name = "key_id", required = false) @Nullable UUID keyId,
			@RequestParam(required = false) @Nullable String model,
			@Parameter(description = "first UTC day: a date, or a date-time for its day") @RequestParam(
					required = false) @Nullable TimeParam from,
			@Parameter(description = "last UTC day, inclusive: a date, or a date-time for its day") @RequestParam(
					required = false) @Nullable TimeParam to,
			@Parameter(description = "admins only: one user's usage") @RequestParam(name = "user_id",
					required = false) @Nullable UUID userId,
			@RequestParam(defaultValue = "1") @Min(1) int page,
			@RequestParam(name = "page_size", defaultValue = "20") @Min(1) @Max(100) int pageSize) {
		UsageFilter filter = filter(userId, keyId, model, from, to);
		return this.caches.getForCaller(Level.QUERY, "usage", filter + "|" + page + "|" + pageSize, PAGE, () -> {
			List<UsageRow> items = this.usage.page(filter, Page.offset(page, pageSize), pageSize)
				.stream()
				.map(UsageRow::of)
				.toList();
			return new UsagePage(items, this.usage.count(filter), page, pageSize, Totals.of(this.usage.total(filter)));
		}, UsageRepository.USAGE);
	}

	@GetMapping("/summary")
	@Operation(summary = "Usage totals grouped by UTC day or by model, with the grand total")
	@ApiResponse(responseCode = "400", description = "A bad group_by or date (validation_error)")
	Summary summary(
			@Parameter(description = "day (default) or model") @RequestParam(name = "group_by",
					defaultValue = "day") String groupBy,
			@RequestParam(name = "key_id", required = false) @Nullable UUID keyId,
			@RequestParam(required = false) @Nullable String model,
			@RequestParam(required = false) @Nullable TimeParam from,
			@RequestParam(required = false) @Nullable TimeParam to,
			@RequestParam(name = "user_id", required = false) @Nullable UUID userId) {
		String by = groupBy.strip().toLowerCase(Locale.ROOT);
		if (!by.equals("day") && !by.equals("model")) {
			throw new InvalidRequest("group_by: must be day or model, not '" + groupBy + "'");
		}
		UsageFilter filter = filter(userId, keyId, model, from, to);
		return this.caches.getForCaller(Level.QUERY, "usage-summary", by + "|" + filter, SUMMARY, () -> {
			List<UsageTotals> groups = by.equals("day") ? this.usage.byDay(filter) : this.usage.byModel(filter);
			return new Summary(by, groups.stream().map((g) -> Group.of(by, g)).toList(),
					Totals.of(this.usage.total(filter)));
		}, UsageRepository.USAGE);
	}

	private UsageFilter filter(@Nullable UUID userId, @Nullable UUID keyId, @Nullable String model,
			@Nullable TimeParam from, @Nullable TimeParam to) {
		LocalDate first = (from != null) ? from.day() : null;
		LocalDate last = (to != null) ? to.day() : null;
		if (first != null && last != null && first.isAfter(last)) {
			throw new InvalidRequest("from (" + first + ") is after to (" + last + ")");
		}
		String modelName = (model == null || model.isBlank()) ? null : model.strip();
		return new UsageFilter(this.keys.scope(userId), keyId, modelName, first, last);
	}

	/**
	 * A page of usage rows and the summary of all rows that match.
	 *
	 * @param items the rows
	 * @param total rows that match
	 * @param page the page, from 1
	 * @param pageSize rows per page
	 * @param summary totals over every matching row
	 */
	record UsagePage(List<UsageRow> items, long total, int page, int pageSize, Totals summary) {
	}

	/**
	 * One usage row; counts are {@code null} on key-level rows ({@code model} "*"), whose
	 * provider reports only the day's cost.
	 *
	 * @param apiKeyId the provider key
	 * @param date the UTC day
	 * @param model the model
	 * @param requestsCount requests
	 * @param tokensInput prompt tokens
	 * @param tokensOutput completion tokens
	 * @param cost USD, as a decimal string
	 */
	record UsageRow(UUID apiKeyId, LocalDate date, String model, @Nullable Long requestsCount,
			@Nullable Long tokensInput, @Nullable Long tokensOutput, String cost) {

		static UsageRow of(UsageStat s) {
			return new UsageRow(s.apiKeyId(), s.date(), s.model(), s.requestsCount(), s.tokensInput(), s.tokensOutput(),
					ProviderKeyView.money(s.cost()));
		}

	}

	/**
	 * Sums over rows.
	 *
	 * @param requestsCount requests
	 * @param tokensInput prompt tokens
	 * @param tokensOutput completion tokens
	 * @param cost USD, as a decimal string
	 */
	record Totals(long requestsCount, long tokensInput, long tokensOutput, String cost) {

		static Totals of(UsageTotals t) {
			return new Totals(t.requestsCount(), t.tokensInput(), t.tokensOutput(), ProviderKeyView.money(t.cost()));
		}

	}

	/**
	 * Totals of one day or one model.
	 *
	 * @param date the day, when grouped by day
	 * @param model the model, when grouped by model
	 * @param requestsCount requests
	 * @param tokensInput prompt tokens
	 * @param tokensOutput completion tokens
	 * @param cost USD, as a decimal string
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Group(@Nullable String date, @Nullable String model, long requestsCount, long tokensInput, long tokensOutput,
			String cost) {

		static Group of(String by, UsageTotals t) {
			return new Group(by.equals("day") ? t.group() : null, by.equals("model") ? t.group() : null,
					t.requestsCount(), t.tokensInput(), t.tokensOutput(), ProviderKeyView.money(t.cost()));
		}

	}

	/**
	 * Usage grouped by day or model.
	 *
	 * @param groupBy {@code day} or {@code model}
	 * @param items one per day or model
	 * @param total over all of them
	 */
	record Summary(String groupBy, List<Group> items, Totals total) {
	}

}
