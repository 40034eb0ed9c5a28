package io.costlens.dashboard;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.costlens.dashboard.Overview.OverviewReport;
import io.costlens.dashboard.Overview.SeriesPoint;
import io.costlens.platform.Caches;
import io.costlens.platform.Caches.Level;
import io.costlens.devlens.Devlens;
import io.costlens.predictions.Predictions;
import io.costlens.pricing.Pricing;
import io.costlens.providers.Providers;
import io.costlens.scenarios.Scenarios;

/**
 * The overview page: the numbers of {@code GET /api/v2/overview}, as tiles, a chart and a
 * table.
 */
@Controller
class OverviewPage implements DashboardPage {

	private final Overview overview;

	private final Formats formats;

	private final MessageSource messages;

	private final ChartJson json;

	private final Fragments fragments;

	private final Caches caches;

	private final DashboardProperties properties;

	OverviewPage(Overview overview, Formats formats, MessageSource messages, ChartJson json, Fragments fragments,
			ObjectProvider<Caches> caches, DashboardProperties properties) {
		this.overview = overview;
		this.formats = formats;
		this.messages = messages;
		this.json = json;
		this.fragments = fragments;
		this.caches = caches.getIfAvailable(Caches::none);
		this.properties = properties;
	}

	/** Where each module's row links to. */
	static final Map<String, String> MODULE_PAGES = Map.of(Overview.SCENARIOS, "/ui/scenarios", Overview.PROVIDERS,
			"/ui/providers", Overview.DEVLENS, "/ui/developers/sessions", Overview.PREDICTIONS, "/ui/predictions");

	private static final TypeReference<Content> CONTENT = new TypeReference<>() {
	};

	/**
	 * The page: its content (tiles, tables, chart) rendered once per range, language and
	 * caller, and kept as HTML as long as the overview it shows (the same data sets); an
	 * overview with nothing to show yet renders in the page, with its calls to action.
	 */
	@GetMapping({ "/ui", "/ui/" })
	@KeptPage({ Scenarios.COSTS, Pricing.PRICES, Providers.USAGE, Devlens.DATA, Predictions.PREDICTIONS })
	String overview(@RequestParam(required = false) @Nullable String period, Model model, Locale locale) {
		Range range = this.overview.range(period, null, null);
		Content content = this.caches.getForCaller(Level.QUERY, "overview-page",
				this.overview.key(range) + "|" + locale.toLanguageTag(), CONTENT, () -> content(range, locale),
				Overview.DATA_SETS);
		if (content.html() == null) {
			model.addAllAttributes(variables(range, this.overview.of(range), locale));
		}
		else {
			model.addAttribute("overviewHtml", content.html());
			// the layout loads the chart library on a page with a chart
			model.addAttribute("chart", true);
		}
		return "dashboard/overview";
	}

	private Content content(Range range, Locale locale) {
		OverviewReport report = this.overview.of(range);
		if (empty(report)) {
			return new Content(null);
		}
		Map<String, Object> variables = variables(range, report, locale);
		variables.put("zone", this.properties.timeZone().getId());
		return new Content(this.fragments.render("dashboard/overview-content", "content", variables, locale));
	}

	private static boolean empty(OverviewReport report) {
		return report.cost().byModule().stream().allMatch((m) -> m.items() == 0);
	}

	private Map<String, Object> variables(Range range, OverviewReport report, Locale locale) {
		Map<String, Object> model = new HashMap<>();
		model.put("range", range);
		model.put("presets", Range.PRESETS);
		model.put("report", report);
		List<SeriesPoint> points = report.series();
		model.put("empty", empty(report));
		model.put("modulePages", MODULE_PAGES);
		model.put("rows", points.stream().map((p) -> row(p, range)).toList());
		model.put("chart", this.json
			.of(new ChartData("bar", points.stream().map((p) -> this.formats.axis(p.start(), range.bucket())).toList(),
					List.of(series("overview.chart.scenarios", points.stream().map(SeriesPoint::scenariosCost), locale),
							series("overview.chart.providers", points.stream().map(SeriesPoint::providersCost), locale),
							series("overview.chart.devlens", points.stream().map(SeriesPoint::devlensCost), locale)),
					locale.toLanguageTag(), false)));
		return model;
	}

	/**
	 * The page's content as HTML, {@code null} when the overview has nothing to show.
	 *
	 * @param html the rendered content
	 */
	record Content(@Nullable String html) {

	}

	/**
	 * A row of the chart's table, each cell as the page writes it: a bucket without a
	 * priced item reads "no price", in total and in the module that had only unpriced
	 * usage.
	 */
	private SeriesRow row(SeriesPoint p, Range range) {
		return new SeriesRow(this.formats.bucket(p.start(), range.bucket()),
				this.formats.money(p.noPrice() ? null : p.cost()),
				this.formats
					.money((p.scenarioLogs() > 0 && p.unpricedLogs() == p.scenarioLogs()) ? null : p.scenariosCost()),
				this.formats.money(p.providersCost()),
				this.formats.money((p.devlensSessions() > 0 && p.unpricedSessions() == p.devlensSessions()) ? null
						: p.devlensCost()),
				this.formats.number(p.scenarioLogs()), this.formats.number(p.unpricedLogs()));
	}

	private ChartData.Series series(String label, Stream<BigDecimal> costs, Locale locale) {
		return new ChartData.Series(this.messages.getMessage(label, null, locale),
				costs.map(BigDecimal::doubleValue).toList(), false, true);
	}

	/**
	 * One bucket of the chart's table, formatted: one simple expression per cell, instead
	 * of the conditions and formats each cell evaluated in the template (most of the
	 * page's render time with 90 buckets). Public so that those expressions compile (SpEL
	 * compiles calls on public types only).
	 *
	 * @param bucket the bucket's day or hour
	 * @param cost its cost, every module's
	 * @param scenarios of which scenarios'
	 * @param providers of which provider keys'
	 * @param devlens of which developer sessions'
	 * @param logs scenario logs
	 * @param unpricedLogs of which no price covered
	 */
	public record SeriesRow(String bucket, String cost, String scenarios, String providers, String devlens, String logs,
			String unpricedLogs) {

	}

}
