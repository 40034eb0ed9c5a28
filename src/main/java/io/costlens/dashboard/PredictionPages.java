package io.costlens.dashboard;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import io.costlens.platform.Caches;
import io.costlens.platform.Caches.Level;
import io.costlens.predictions.ModelStats;
import io.costlens.predictions.ModelSummary;
import io.costlens.predictions.Predictions;

/**
 * The models that log predictions, with their success rate over the range, and one
 * model's success rate and latency percentiles per bucket of the reporting zone.
 */
@Controller
class PredictionPages implements DashboardPage {

	private static final TypeReference<String> HTML = new TypeReference<>() {
	};

	private final Predictions predictions;

	private final Overview overview;

	private final Formats formats;

	private final MessageSource messages;

	private final ChartJson json;

	private final Fragments fragments;

	private final Caches caches;

	private final DashboardProperties properties;

	PredictionPages(Predictions predictions, Overview overview, Formats formats, MessageSource messages, ChartJson json,
			Fragments fragments, Caches caches, DashboardProperties properties) {
		this.predictions = predictions;
		this.fragments = fragments;
		this.caches = caches;
		this.properties = properties;
		this.overview = overview;
		this.formats = formats;
		this.messages = messages;
		this.json = json;
	}

	@GetMapping("/ui/predictions")
	@KeptPage(Predictions.PREDICTIONS)
	String models(@RequestParam(required = false) @Nullable String period, Model model) {
		Range range = this.overview.range(period, null, null);
		List<ModelStats> stats = new ArrayList<>();
		for (ModelSummary summary : this.predictions.models()) {
			stats.add(this.predictions.statsBetween(summary.modelName(), range.from(), range.to()));
		}
		model.addAttribute("range", range);
		model.addAttribute("presets", Range.PRESETS);
		model.addAttribute("models", stats);
		return "dashboard/predictions";
	}

	/**
	 * One model's page: its content (tiles, chart, table of 30 or more buckets) rendered
	 * once per model, range and language and kept as HTML until the predictions move on
	 * ({@link Predictions#PREDICTIONS}, on every write and retention sweep, on every
	 * instance): rendering it was most of the page's time.
	 */
	@GetMapping("/ui/predictions/{name}")
	@KeptPage(Predictions.PREDICTIONS)
	String model(@PathVariable String name, @RequestParam(required = false) @Nullable String period, Model model,
			HttpServletRequest request, Locale locale) {
		Range range = this.overview.range(period, null, null);
		String key = String.join("|", request.getContextPath(), locale.toLanguageTag(), name, range.preset(),
				range.from().toString(), range.to().toString(), range.bucket(), range.zone().getId());
		String html = this.caches.get(Level.QUERY, "dashboard-model-page", key, HTML,
				() -> this.fragments.render("dashboard/model-content", "content", content(name, range, locale), locale),
				Predictions.PREDICTIONS);
		model.addAttribute("name", name);
		model.addAttribute("range", range);
		model.addAttribute("presets", Range.PRESETS);
		model.addAttribute("contentHtml", html);
		// the layout loads the chart library on a page with a chart
		model.addAttribute("chart", true);
		return "dashboard/model";
	}

	private Map<String, Object> content(String name, Range range, Locale locale) {
		List<Instant> starts = range.buckets();
		List<BucketStats> series = new ArrayList<>();
		for (int i = 0; i < starts.size(); i++) {
			Instant end = (i + 1 < starts.size()) ? starts.get(i + 1) : range.to();
			series.add(new BucketStats(starts.get(i), this.predictions.statsBetween(name, starts.get(i), end)));
		}
		Map<String, Object> variables = new HashMap<>();
		variables.put("name", name);
		variables.put("range", range);
		variables.put("zone", this.properties.timeZone().getId());
		variables.put("total", this.predictions.statsBetween(name, range.from(), range.to()));
		variables.put("series", series);
		List<String> labels = series.stream().map((b) -> this.formats.axis(b.start(), range.bucket())).toList();
		variables.put("chart",
				this.json.of(new ChartData("line", labels,
						List.of(series("prediction.p50", series, Percentile.P50, locale, false),
								series("prediction.p95", series, Percentile.P95, locale, true),
								series("prediction.p99", series, Percentile.P99, locale, true)),
						locale.toLanguageTag(), false)));
		return variables;
	}

	private ChartData.Series series(String key, List<BucketStats> buckets, Percentile which, Locale locale,
			boolean dashed) {
		return new ChartData.Series(this.messages.getMessage(key, null, locale),
				buckets.stream().map((b) -> which.of(b.stats())).toList(), dashed, false);
	}

	private enum Percentile {

		P50, P95, P99;

		@Nullable Double of(ModelStats stats) {
			return switch (this) {
				case P50 -> stats.p50DurationMs();
				case P95 -> stats.p95DurationMs();
				case P99 -> stats.p99DurationMs();
			};
		}

	}

	/**
	 * @param start the bucket
	 * @param stats the model's statistics in it
	 */
	record BucketStats(Instant start, ModelStats stats) {

	}

}
