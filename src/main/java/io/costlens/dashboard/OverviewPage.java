package io.costlens.dashboard;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.costlens.dashboard.Overview.OverviewReport;
import io.costlens.dashboard.Overview.SeriesPoint;

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

	OverviewPage(Overview overview, Formats formats, MessageSource messages, ChartJson json) {
		this.overview = overview;
		this.formats = formats;
		this.messages = messages;
		this.json = json;
	}

	@GetMapping({ "/ui", "/ui/" })
	String overview(@RequestParam(required = false) @Nullable String period, Model model, Locale locale) {
		Range range = this.overview.range(period, null, null);
		OverviewReport report = this.overview.of(range);
		model.addAttribute("range", range);
		model.addAttribute("presets", Range.PRESETS);
		model.addAttribute("report", report);
		List<SeriesPoint> points = report.series();
		model.addAttribute("chart",
				this.json.of(new ChartData("bar",
						points.stream().map((p) -> this.formats.axis(p.start(), range.bucket())).toList(),
						List.of(new ChartData.Series(this.messages.getMessage("overview.chart.cost", null, locale),
								points.stream().map((p) -> p.cost().doubleValue()).toList(), false, true)),
						locale.toLanguageTag(), false)));
		return "dashboard/overview";
	}

}
