package io.costlens.dashboard;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.costlens.platform.InvalidRequest;
import io.costlens.platform.Page;
import io.costlens.providers.ProviderKeyView;
import io.costlens.providers.Providers;
import io.costlens.providers.UsageTotals;

/**
 * Provider keys (the caller's; an admin's: everyone's): add one, validate or sync it now,
 * and the usage synced for them per UTC day (OpenRouter's days), filtered by key, model
 * and range, with totals that follow the filters.
 */
@Controller
class ProviderPages implements DashboardPage {

	static final List<String> PERIODS = List.of("7d", "30d", "90d");

	private final Providers providers;

	private final MessageSource messages;

	private final ChartJson json;

	private final Formats formats;

	private final DashboardProperties properties;

	ProviderPages(Providers providers, MessageSource messages, ChartJson json, Formats formats,
			DashboardProperties properties) {
		this.providers = providers;
		this.messages = messages;
		this.json = json;
		this.formats = formats;
		this.properties = properties;
	}

	@GetMapping("/ui/providers")
	@KeptPage({ Providers.KEYS, Providers.USAGE })
	String keys(@RequestParam(required = false) @Nullable String period,
			@RequestParam(name = "key", required = false) @Nullable UUID keyId,
			@RequestParam(required = false) @Nullable String model, @RequestParam(defaultValue = "1") int page,
			Model view, Locale locale) {
		String days = (period == null || period.isBlank()) ? "30d" : period;
		if (!PERIODS.contains(days)) {
			throw new InvalidRequest("period: must be one of " + PERIODS);
		}
		LocalDate to = LocalDate.now(ZoneOffset.UTC);
		LocalDate from = to.minusDays(Long.parseLong(days.replace("d", "")) - 1);
		String modelName = Params.optional(model);
		Page<ProviderKeyView> keys = this.providers.keys(1, 100);
		Providers.UsagePage usage = this.providers.usage(keyId, modelName, from, to, Math.max(1, page),
				this.properties.pageSize());
		List<UsageTotals> daily = this.providers.usageByDay(keyId, modelName, from, to);
		view.addAttribute("keys", keys);
		Map<UUID, String> names = new HashMap<>();
		keys.items().forEach((k) -> names.put(k.id(), k.name()));
		view.addAttribute("usage", usage);
		String keyLevel = this.messages.getMessage("providers.keylevel", null, locale);
		view.addAttribute("usageRows",
				usage.items()
					.stream()
					.map((u) -> new UsageRow(this.formats.day(u.date()),
							names.getOrDefault(u.apiKeyId(), u.apiKeyId().toString()),
							"*".equals(u.model()) ? keyLevel : u.model(), this.formats.number(u.requestsCount()),
							this.formats.number(u.tokensInput()), this.formats.number(u.tokensOutput()),
							this.formats.money(u.cost())))
					.toList());
		view.addAttribute("pager", Pager.of(new Page<>(usage.items(), usage.total(), usage.page(), usage.pageSize())));
		view.addAttribute("daily", daily);
		view.addAttribute("period", days);
		view.addAttribute("periods", PERIODS);
		view.addAttribute("keyId", keyId);
		view.addAttribute("model", modelName);
		view.addAttribute("from", from);
		view.addAttribute("to", to);
		// every day of the range, so that a day without usage shows as a gap, not as no
		// day at all
		Map<String, Double> costs = new HashMap<>();
		daily.forEach((d) -> costs.put(String.valueOf(d.group()), d.cost().doubleValue()));
		List<LocalDate> everyDay = from.datesUntil(to.plusDays(1)).toList();
		view.addAttribute("chart", this.json.of(new ChartData("bar", everyDay.stream().map(this.formats::day).toList(),
				List.of(new ChartData.Series(this.messages.getMessage("providers.chart.cost", null, locale),
						everyDay.stream().map((d) -> costs.getOrDefault(d.toString(), 0.0)).toList(), false, true)),
				locale.toLanguageTag(), false)));
		return "dashboard/providers";
	}

	/**
	 * A usage row of the usage table, its cells written out: one simple expression per
	 * cell. Public so that those expressions compile (SpEL compiles calls on public types
	 * only).
	 *
	 * @param day the UTC day
	 * @param key the key's name (its id when the caller does not see the key)
	 * @param model the model, or "whole key" for a key-level row
	 * @param requests the requests
	 * @param tokensIn the prompt tokens
	 * @param tokensOut the completion tokens
	 * @param cost the cost, or "no price"
	 */
	public record UsageRow(String day, String key, String model, String requests, String tokensIn, String tokensOut,
			String cost) {

	}

	@PostMapping("/ui/providers")
	String add(@RequestParam String name, @RequestParam String key, RedirectAttributes redirect, Locale locale) {
		if (name.isBlank()) {
			throw new io.costlens.platform.InvalidFields(
					List.of(new io.costlens.platform.InvalidFields.Field("name", "must not be blank")));
		}
		ProviderKeyView added = this.providers.add(name.strip(), key, "openrouter");
		redirect.addFlashAttribute("notice",
				this.messages.getMessage("providers.added", new Object[] { added.name(), added.keyPreview() }, locale));
		return "redirect:/ui/providers";
	}

	@PostMapping("/ui/providers/{id}/validate")
	String validate(@PathVariable UUID id, RedirectAttributes redirect, Locale locale) {
		Providers.ValidationResponse result = this.providers.validate(id);
		redirect.addFlashAttribute(result.valid() ? "notice" : "error",
				this.messages.getMessage(result.valid() ? "providers.valid" : "providers.invalid",
						new Object[] { String.valueOf(result.message()) }, locale));
		return "redirect:/ui/providers";
	}

	@PostMapping("/ui/providers/{id}/sync")
	String sync(@PathVariable UUID id, RedirectAttributes redirect, Locale locale) {
		Providers.SyncResponse result = this.providers.sync(id);
		redirect.addFlashAttribute("notice", this.messages.getMessage("providers.synced.rows",
				new Object[] { this.formats.number(result.rowsUpserted()), result.rowsUpserted() }, locale));
		return "redirect:/ui/providers";
	}

}
