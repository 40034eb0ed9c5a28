package io.costlens.dashboard;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import io.costlens.predictions.ModelStats;
import io.costlens.predictions.ModelSummary;
import io.costlens.predictions.Predictions;

/**
 * The models that log predictions, with their success rate over the range, and one
 * model's success rate and latency percentiles per bucket of the reporting zone.
 */
@Controller
class PredictionPages implements DashboardPage {

	private final Predictions predictions;

	private final Overview overview;

	private final Formats formats;

	private final MessageSource messages;

	private final ChartJson json;

	PredictionPages(Predictions predictions, Overview overview, Formats formats, MessageSource messages,
			ChartJson json) {
		this.predictions = predictions;
		this.overview = overview;
		this.formats = formats;
		this.messages = messages;
		this.json = json;
	}

	@GetMapping("/ui/predictions")
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

	@GetMapping("/ui/predictions/{name}")
	String model(@PathVariable String name, @RequestParam(required = false) @Nullable String period, Model model,
			Locale locale) {
		Range range = this.overview.range(period, null, null);
		List<Instant> starts = range.buckets();
		List<BucketStats> series = new ArrayList<>();
		for (int i = 0; i < starts.size(); i++) {
			Instant end = (i + 1 < starts.size()) ? starts.get(i + 1) : range.to();
			series.add(new BucketStats(starts.get(i), this.predictions.statsBetween(name, starts.get(i), end)));
		}
		model.addAttribute("name", name);
		model.addAttribute("range", range);
		model.addAttribute("presets", Range.PRESETS);
		model.addAttribute("total", this.predictions.statsBetween(name, range.from(), range.to()));
		model.addAttribute("series", series);
		List<String> labels = series.stream().map((b) -> this.formats.axis(b.start(), range.bucket())).toList();
		model.addAttribute("chart",
				this.json.of(new ChartData("line", labels,
						List.of(series("prediction.p50", series, Percentile.P50, locale, false),
								series("prediction.p95", series, Percentile.P95, locale, true),
								series("prediction.p99", series, Percentile.P99, locale, true)),
						locale.toLanguageTag(), false)));
		return "dashboard/model";
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
