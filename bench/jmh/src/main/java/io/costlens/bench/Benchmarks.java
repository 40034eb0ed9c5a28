package io.costlens.bench;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs JMH with the usual command-line options, then restates every result as MB/s
 * (10^6 bytes of UTF-8 input per second, single-threaded, so per core): the mean and its
 * error, the best iteration (on a shared machine the closest to an uncontended core), and
 * the mean as a multiple of {@code baselineCharLoop} at the same size in the same run.
 */
public final class Benchmarks {

	private static final String BASELINE = "baselineCharLoop";

	private Benchmarks() {
	}

	public static void main(String[] args) throws Exception {
		CommandLineOptions options = new CommandLineOptions(args);
		if (options.shouldHelp() || options.shouldList() || options.shouldListWithParams()
				|| options.shouldListProfilers() || options.shouldListResultFormats()) {
			org.openjdk.jmh.Main.main(args);
			return;
		}
		Collection<RunResult> results = new Runner(new OptionsBuilder().parent(options).build()).run();
		System.out.println();
		System.out.println(summary(results));
	}

	static String summary(Collection<RunResult> results) {
		Map<String, Double> baselines = new HashMap<>();
		for (RunResult result : results) {
			if (name(result).equals(BASELINE)) {
				baselines.put(size(result), megabytesPerSecond(result, result.getPrimaryResult().getScore()));
			}
		}
		StringBuilder table = new StringBuilder(String.format("%-40s %8s %12s %10s %10s %12s%n", "benchmark", "size",
				"MB/s/core", "+-", "best", "x charLoop"));
		for (RunResult result : results) {
			double score = megabytesPerSecond(result, result.getPrimaryResult().getScore());
			double error = Math.abs(score - megabytesPerSecond(result,
					result.getPrimaryResult().getScore() + result.getPrimaryResult().getScoreError()));
			Double baseline = baselines.get(size(result));
			table.append(String.format("%-40s %8s %12.1f %10.1f %10.1f %12s%n", name(result), size(result), score,
					error, best(result), (baseline != null) ? String.format("%.3f", score / baseline) : "-"));
		}
		return table.toString();
	}

	private static double best(RunResult result) {
		double best = 0;
		for (BenchmarkResult benchmark : result.getBenchmarkResults()) {
			for (IterationResult iteration : benchmark.getIterationResults()) {
				best = Math.max(best, megabytesPerSecond(result, iteration.getPrimaryResult().getScore()));
			}
		}
		return best;
	}

	private static String name(RunResult result) {
		String benchmark = result.getParams().getBenchmark();
		String unit = result.getParams().getParam("unit");
		return benchmark.substring(benchmark.lastIndexOf('.') + 1) + ((unit != null) ? " '" + unit + "'" : "");
	}

	private static String size(RunResult result) {
		return result.getParams().getParam("size");
	}

	/** Throughput scores are operations per time unit, average-time scores time per operation. */
	private static double megabytesPerSecond(RunResult result, double score) {
		double perSecond = TimeUnit.SECONDS.toNanos(1) / (double) result.getParams().getTimeUnit().toNanos(1);
		double operationsPerSecond = (result.getParams().getMode() == Mode.Throughput) ? score * perSecond
				: perSecond / score;
		int size = Integer.parseInt(size(result));
		// a repeated ASCII fragment is its size in bytes; log lines may hold multi-byte characters
		int bytes = (result.getParams().getParam("unit") != null) ? size
				: LogLines.ofSize(size).getBytes(StandardCharsets.UTF_8).length;
		return operationsPerSecond * bytes / 1_000_000;
	}

}
