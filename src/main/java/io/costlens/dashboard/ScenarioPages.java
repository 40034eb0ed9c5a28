package io.costlens.dashboard;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.costlens.platform.InvalidFields;
import io.costlens.platform.InvalidFields.Field;
import io.costlens.platform.InvalidRequest;
import io.costlens.platform.Caches;
import io.costlens.platform.Caches.Level;
import io.costlens.platform.CurrentUser;
import io.costlens.pricing.Pricing;
import io.costlens.reports.Reports;
import io.costlens.scenarios.CostModel;
import io.costlens.scenarios.Granularity;
import io.costlens.scenarios.NewScenario;
import io.costlens.scenarios.Scenario;
import io.costlens.scenarios.ScenarioFilter;
import io.costlens.scenarios.ScenarioMetrics;
import io.costlens.scenarios.ScenarioStatus;
import io.costlens.scenarios.Scenarios;

/**
 * The scenario list (filters, paging, create) and a scenario's page: lifecycle buttons,
 * cost per service, the time series as a chart and a table, and its logs with PII flags
 * and masked previews, paged.
 */
@Controller
class ScenarioPages implements DashboardPage {

	private final Scenarios scenarios;

	private final Pricing prices;

	private final Overview overview;

	private final Formats formats;

	private final MessageSource messages;

	private final ChartJson json;

	private final DashboardProperties properties;

	private final Reports reports;

	private final Fragments fragments;

	private final Caches caches;

	/** The template of the parts of these pages that are kept as HTML. */
	private static final String PARTS = "dashboard/scenario-parts";

	private static final TypeReference<Part> PART = new TypeReference<>() {
	};

	ScenarioPages(Scenarios scenarios, Pricing prices, Overview overview, Formats formats, MessageSource messages,
			ChartJson json, DashboardProperties properties, Reports reports, Fragments fragments,
			ObjectProvider<Caches> caches) {
		this.fragments = fragments;
		this.caches = caches.getIfAvailable(Caches::none);
		this.reports = reports;
		this.scenarios = scenarios;
		this.prices = prices;
		this.overview = overview;
		this.formats = formats;
		this.messages = messages;
		this.json = json;
		this.properties = properties;
	}

	@GetMapping("/ui/scenarios")
	@KeptPage({ Scenarios.LISTED, Scenarios.COSTS, Pricing.PRICES })
	String list(@RequestParam(required = false) @Nullable String status,
			@RequestParam(required = false) @Nullable String region, @RequestParam(required = false) @Nullable String q,
			@RequestParam(defaultValue = "1") int page, Model model, Locale locale, HttpServletRequest request) {
		ScenarioStatus wanted = Params.optional(status) != null ? status(status) : null;
		ScenarioFilter filter = new ScenarioFilter(wanted, Params.optional(region), Params.optional(q));
		Part listed = this.caches.get(Level.QUERY, "scenario-list-page",
				filter + "|" + page + "|" + request.getQueryString() + "|" + locale.toLanguageTag(), PART,
				() -> listed(filter, page, locale), Scenarios.LISTED, Scenarios.COSTS);
		model.addAttribute("listed", listed.html());
		model.addAttribute("filter", filter);
		model.addAttribute("statuses", ScenarioStatus.values());
		model.addAttribute("regions", regions());
		return "dashboard/scenarios";
	}

	/**
	 * A page of the list as HTML, kept until a scenario is created, changed or deleted or
	 * logs arrive (its log counts); {@code null} when the filter matches none.
	 */
	private Part listed(ScenarioFilter filter, int page, Locale locale) {
		io.costlens.platform.Page<Scenario> found = this.scenarios.list(filter, Math.max(1, page),
				this.properties.pageSize());
		if (found.total() == 0) {
			return new Part(null);
		}
		Map<String, Object> variables = new HashMap<>();
		variables.put("scenarios", found);
		variables.put("rows",
				found.items()
					.stream()
					.map((s) -> new ListRow(s.id(), s.name(), s.status().value(),
							this.messages.getMessage("status." + s.status().value(), null, locale), s.region(),
							this.formats.number(s.totalRequests()), this.formats.dateTime(s.updatedAt())))
					.toList());
		variables.put("pager", Pager.of(found));
		variables.put("zone", this.properties.timeZone().getId());
		return new Part(this.fragments.render(PARTS, "list", variables, locale));
	}

	@PostMapping("/ui/scenarios")
	String create(@RequestParam String name, @RequestParam(required = false) @Nullable String description,
			@RequestParam String region, RedirectAttributes redirect) {
		if (name.isBlank()) {
			throw new InvalidFields(List.of(new Field("name", "must not be blank")));
		}
		Scenario created = this.scenarios
			.create(new NewScenario(name.strip(), Params.optional(description), region, List.of(), CostModel.DEFAULT));
		return "redirect:/ui/scenarios/" + created.id();
	}

	@GetMapping("/ui/scenarios/{id}")
	@KeptPage({ Scenarios.DATA_SET_PREFIX + "{id}", Pricing.PRICES, Reports.DATA })
	String detail(@PathVariable UUID id, @RequestParam(required = false) @Nullable String period,
			@RequestParam(required = false) @Nullable Boolean pii, @RequestParam(defaultValue = "1") int page,
			Model model, Locale locale, HttpServletRequest request) {
		Scenario scenario = this.scenarios.get(id);
		Range range = this.overview.range(period, null, null);
		String language = locale.toLanguageTag();
		Part summary = this.caches.get(
				Level.QUERY, "scenario-page-summary", id + "|" + range.preset() + "|" + range.from() + "|" + range.to()
						+ "|" + range.bucket() + "|" + language,
				PART, () -> summary(id, range, locale), Scenarios.dataSet(id), Pricing.PRICES);
		Part logTable = this.caches.get(Level.QUERY, "scenario-page-logs",
				id + "|" + pii + "|" + page + "|" + request.getQueryString() + "|" + language, PART,
				() -> logTable(id, pii, page, locale), Scenarios.dataSet(id));
		model.addAttribute("scenario", scenario);
		model.addAttribute("range", range);
		model.addAttribute("summary", summary.html());
		model.addAttribute("logTable", logTable.html());
		model.addAttribute("pii", pii);
		model.addAttribute("reportList",
				this.caches
					.getForCaller(Level.QUERY, "scenario-page-reports", id + "|" + language, PART,
							() -> reportList(id, locale), Reports.DATA)
					.html());
		// the layout loads the chart library on a page with a chart
		model.addAttribute("chart", true);
		return "dashboard/scenario";
	}

	/**
	 * The scenario's facts, presets, tiles, cost breakdown and chart for a range as HTML,
	 * kept until the scenario, its logs or the prices change. It reads the scenario again
	 * (after the cache read its data sets' generations), so that a change in between is
	 * never kept under the new generation.
	 */
	private Part summary(UUID id, Range range, Locale locale) {
		Scenario scenario = this.scenarios.get(id);
		ScenarioMetrics hourly = this.scenarios.metrics(scenario.id(), Granularity.HOUR, range.from(), range.to());
		Map<java.time.Instant, Point> points = new LinkedHashMap<>();
		range.buckets().forEach((b) -> points.put(b, new Point(b, 0, 0, java.math.BigDecimal.ZERO)));
		hourly.series().forEach((h) -> points.computeIfPresent(range.bucketOf(h.start()), (b, p) -> p.plus(h)));
		List<Point> series = new ArrayList<>(points.values());
		CostView cost = CostView.of(hourly);
		Map<String, Object> variables = new HashMap<>();
		variables.put("scenario", scenario);
		variables.put("metrics", hourly);
		variables.put("cost", cost);
		variables.put("range", range);
		variables.put("presets", Range.PRESETS);
		variables.put("zone", this.properties.timeZone().getId());
		variables.put("seriesRows", series.stream()
			.filter((p) -> p.requests() > 0)
			.map((p) -> new SeriesRow(this.formats.bucket(p.start(), range.bucket()), this.formats.number(p.requests()),
					this.formats.number(p.tokens()), this.formats.money((cost.total() == null) ? null : p.cost())))
			.toList());
		variables.put("chart",
				this.json.of(new ChartData("line",
						series.stream().map((p) -> this.formats.axis(p.start(), range.bucket())).toList(),
						List.of(new ChartData.Series(this.messages.getMessage("scenario.chart.requests", null, locale),
								series.stream().map((p) -> (double) p.requests()).toList(), false, false),
								new ChartData.Series(this.messages.getMessage("scenario.chart.cost", null, locale),
										series.stream().map((p) -> p.cost().doubleValue()).toList(), true, true)),
						locale.toLanguageTag(), true)));
		return new Part(this.fragments.render(PARTS, "summary", variables, locale));
	}

	/**
	 * A page of the scenario's logs as HTML, kept until the scenario or its logs change;
	 * it reads the scenario again, as {@link #summary} does.
	 */
	private Part logTable(UUID id, @Nullable Boolean pii, int page, Locale locale) {
		Scenario scenario = this.scenarios.get(id);
		io.costlens.platform.Page<io.costlens.scenarios.StoredLog> logPage = this.scenarios.logs(scenario, pii, null,
				Math.max(1, page), this.properties.pageSize());
		Map<String, Object> variables = new HashMap<>();
		variables.put("logs", logPage);
		variables.put("logRows", logPage.items().stream().map((l) -> logRow(l, locale)).toList());
		variables.put("pager", Pager.of(logPage));
		variables.put("zone", this.properties.timeZone().getId());
		return new Part(this.fragments.render(PARTS, "logs", variables, locale));
	}

	/**
	 * The scenario's latest reports that the caller may see (an admin: everyone's) as
	 * HTML, kept until a report is requested, starts, ends or expires.
	 */
	private Part reportList(UUID id, Locale locale) {
		Map<String, Object> variables = new HashMap<>();
		variables.put("reports", this.reports.list(id, CurrentUser.current().orElseThrow(), 1, 5));
		return new Part(this.fragments.render(PARTS, "reports", variables, locale));
	}

	/**
	 * A part of a page as HTML, {@code null} when there is nothing to show.
	 *
	 * @param html the rendered part
	 */
	record Part(@Nullable String html) {

	}

	/** A log's row, each cell as the page writes it. */
	private LogRow logRow(io.costlens.scenarios.StoredLog log, Locale locale) {
		return new LogRow(this.formats.dateTime(log.receivedAt()), log.source(), log.hasPii(),
				log.hasPii() ? this.messages.getMessage("scenario.logs.pii.types",
						new Object[] { String.join(", ", log.piiTypes()) }, locale) : null,
				log.messagePreview(), this.formats.number(log.tokenCount()), this.formats.number(log.sizeBytes()));
	}

	@PostMapping("/ui/scenarios/{id}/{action:start|stop|archive|delete}")
	String lifecycle(@PathVariable UUID id, @PathVariable String action, RedirectAttributes redirect, Locale locale) {
		switch (action) {
			case "start" -> this.scenarios.start(id);
			case "stop" -> this.scenarios.stop(id);
			case "archive" -> this.scenarios.archive(id);
			default -> {
				this.scenarios.delete(id);
				redirect.addFlashAttribute("notice", this.messages.getMessage("scenario.deleted", null, locale));
				return "redirect:/ui/scenarios";
			}
		}
		redirect.addFlashAttribute("notice", this.messages.getMessage("scenario.done." + action, null, locale));
		return "redirect:/ui/scenarios/" + id;
	}

	/**
	 * The regions a scenario's cost can be priced in, for the filter and the create form.
	 */
	private List<String> regions() {
		return this.prices.awsRegions();
	}

	private static ScenarioStatus status(String value) {
		try {
			return ScenarioStatus.of(value);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidRequest("status: must be draft, running, completed or archived");
		}
	}

	/**
	 * The scenario's cost as the page shows it: usage that no price covered reads "no
	 * price" (a {@code null} amount), never $0, and a range without logs costs $0 in
	 * every service, whose cost the metrics leave {@code null} for want of priced hours.
	 *
	 * @param total USD of the priced services, {@code null} when there were logs and no
	 * service could be priced
	 * @param partlyPriced whether some services could be priced and others not
	 * @param services per service, {@code null} for one that had usage and no price
	 */
	record CostView(@Nullable BigDecimal total, boolean partlyPriced, List<ScenarioMetrics.ServiceCost> services) {

		static CostView of(ScenarioMetrics metrics) {
			boolean used = metrics.summary().totalRequests() > 0;
			long unpriced = metrics.costs().stream().filter((c) -> c.cost() == null).count();
			if (!used) {
				return new CostView(metrics.summary().totalCost(), false,
						metrics.costs()
							.stream()
							.map((c) -> new ScenarioMetrics.ServiceCost(c.service(),
									(c.cost() != null) ? c.cost() : BigDecimal.ZERO))
							.toList());
			}
			boolean nonePriced = unpriced == metrics.costs().size();
			return new CostView(nonePriced ? null : metrics.summary().totalCost(), unpriced > 0 && !nonePriced,
					metrics.costs());
		}

	}

	/**
	 * One bucket of a scenario's series in the zone.
	 *
	 * @param start the bucket
	 * @param requests logs
	 * @param tokens tokens
	 * @param cost USD of what could be priced
	 */
	record Point(java.time.Instant start, long requests, long tokens, java.math.BigDecimal cost) {

		Point plus(ScenarioMetrics.Bucket hour) {
			return new Point(this.start, this.requests + hour.requests(), this.tokens + hour.tokens(),
					this.cost.add(hour.cost()));
		}

	}

	/**
	 * A row of the scenario list, formatted: one simple expression per cell. Public so
	 * that those expressions compile (SpEL compiles calls on public types only).
	 *
	 * @param id the scenario
	 * @param name its name
	 * @param status its status
	 * @param statusText the status as the page's language names it
	 * @param region its region
	 * @param logs its logs
	 * @param updated when it last changed
	 */
	public record ListRow(UUID id, String name, String status, String statusText, String region, String logs,
			String updated) {

	}

	/**
	 * A bucket of the series table that had logs, formatted: one simple expression per
	 * cell. Public so that those expressions compile (SpEL compiles calls on public types
	 * only).
	 *
	 * @param bucket its day or hour
	 * @param logs logs
	 * @param tokens tokens
	 * @param cost USD, or "no price" when none of the range's logs could be priced
	 */
	public record SeriesRow(String bucket, String logs, String tokens, String cost) {

	}

	/**
	 * A row of the log table, formatted: one simple expression per cell. Public so that
	 * those expressions compile (SpEL compiles calls on public types only).
	 *
	 * @param received when it arrived
	 * @param source where it came from
	 * @param hasPii whether PII was found
	 * @param pii the PII badge's text, {@code null} without PII
	 * @param preview the masked preview
	 * @param tokens its tokens
	 * @param bytes its size
	 */
	public record LogRow(String received, String source, boolean hasPii, @Nullable String pii, String preview,
			String tokens, String bytes) {

	}

}
