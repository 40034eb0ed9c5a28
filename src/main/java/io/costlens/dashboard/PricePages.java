package io.costlens.dashboard;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.costlens.platform.Caches;
import io.costlens.platform.Caches.Level;
import io.costlens.platform.CurrentUser;
import io.costlens.platform.InvalidFields;
import io.costlens.platform.InvalidFields.Field;
import io.costlens.platform.Page;
import io.costlens.pricing.NewPrice;
import io.costlens.pricing.Price;
import io.costlens.pricing.Pricing;
import io.costlens.pricing.PriceChange;
import io.costlens.pricing.PriceKey;

/**
 * The price catalog: every role reads it; admins add a price or change one (the security
 * chain checks).
 */
@Controller
class PricePages implements DashboardPage {

	private static final TypeReference<String> HTML = new TypeReference<>() {
	};

	private final Pricing prices;

	private final MessageSource messages;

	private final DashboardProperties properties;

	private final Formats formats;

	private final Fragments fragments;

	private final Caches caches;

	PricePages(Pricing prices, MessageSource messages, DashboardProperties properties, Formats formats,
			Fragments fragments, Caches caches) {
		this.prices = prices;
		this.messages = messages;
		this.properties = properties;
		this.formats = formats;
		this.fragments = fragments;
		this.caches = caches;
	}

	/**
	 * The catalog, its rows rendered once per catalog version, language, role, filter and
	 * page: they change only when a price does (every price write moves
	 * {@link Pricing#PRICES} on, on every instance), and rendering fifty rows, an admin's
	 * with a form each, was most of the page's CPU time.
	 */
	@GetMapping("/ui/prices")
	@KeptPage(Pricing.PRICES)
	String list(@RequestParam(required = false) @Nullable String service,
			@RequestParam(required = false) @Nullable String region, @RequestParam(defaultValue = "1") int page,
			Model model, HttpServletRequest request, HttpServletResponse response, Locale locale) {
		List<Price> all = this.prices.list(Params.optional(service), Params.optional(region), false);
		int size = this.properties.pageSize() * 2;
		int number = Math.max(1, page);
		int start = (int) Math.min(all.size(), Page.offset(number, size));
		Page<Price> found = new Page<>(all.subList(start, Math.min(all.size(), start + size)), all.size(), number,
				size);
		boolean admin = CurrentUser.current().map(CurrentUser::isAdmin).orElse(false);
		String key = String.join("|", request.getContextPath(), locale.toLanguageTag(), String.valueOf(admin),
				String.valueOf(Params.optional(service)), String.valueOf(Params.optional(region)),
				String.valueOf(number), String.valueOf(size));
		String rows = this.caches.get(Level.PRICE, "dashboard-price-rows", key, HTML,
				() -> this.fragments.renderWithForms("dashboard/price-rows", "rows",
						Map.of("prices", rows(found, admin, request, locale), "isAdmin", admin), request, response,
						locale),
				Pricing.PRICES);
		model.addAttribute("rows", Fragments.withToken(rows, request));
		model.addAttribute("total", found.total());
		model.addAttribute("pager", Pager.of(found));
		model.addAttribute("service", Params.optional(service));
		model.addAttribute("region", Params.optional(region));
		model.addAttribute("services", List.of("sqs", "lambda", "bedrock", "llm"));
		return "dashboard/prices";
	}

	private List<PriceRow> rows(Page<Price> found, boolean admin, HttpServletRequest request, Locale locale) {
		String base = request.getContextPath();
		return found.items()
			.stream()
			.map((p) -> new PriceRow(p.service(), p.region(), p.tier(), p.pricePerUnit().toPlainString(), p.unit(),
					this.formats.dateTime(p.effectiveFrom()), base + "/ui/prices/" + p.id(), "price-" + p.id(),
					admin ? this.messages.getMessage("price.new.for",
							new Object[] { p.service(), p.tier(), p.region() }, locale) : null))
			.toList();
	}

	@PostMapping("/ui/prices")
	String add(@RequestParam String service, @RequestParam String region, @RequestParam String tier,
			@RequestParam String price, @RequestParam String unit, RedirectAttributes redirect, Locale locale) {
		this.prices.add(new NewPrice(new PriceKey(service, region.strip(), tier.strip()), amount(price), unit.strip(),
				null, "dashboard"));
		redirect.addFlashAttribute("notice", this.messages.getMessage("prices.added", null, locale));
		return "redirect:/ui/prices";
	}

	@PostMapping("/ui/prices/{id}")
	String change(@PathVariable UUID id, @RequestParam String price, RedirectAttributes redirect, Locale locale) {
		this.prices.change(id, new PriceChange(amount(price), null, "dashboard", null));
		redirect.addFlashAttribute("notice", this.messages.getMessage("prices.changed", null, locale));
		return "redirect:/ui/prices";
	}

	/**
	 * A price's row of the catalog table, its cells written out: one simple expression
	 * per cell. Public so that those expressions compile (SpEL compiles calls on public
	 * types only).
	 *
	 * @param service the service
	 * @param region the region
	 * @param tier the tier
	 * @param price the price per unit, as stored
	 * @param unit the unit
	 * @param from when it came into force
	 * @param action where an admin's new price for it is posted
	 * @param inputId the id of that new price's field
	 * @param label that field's label (for admins, who see the field)
	 */
	public record PriceRow(String service, String region, String tier, String price, String unit, String from,
			String action, String inputId, @Nullable String label) {

	}

	private static BigDecimal amount(String value) {
		try {
			BigDecimal amount = new BigDecimal(value.strip());
			if (amount.signum() < 0) {
				throw new NumberFormatException();
			}
			return amount;
		}
		catch (NumberFormatException ex) {
			throw new InvalidFields(List.of(new Field("price", "must be a number of at least 0, e.g. 0.0004")));
		}
	}

}
