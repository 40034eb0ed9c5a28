package io.costlens.devlens;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;

import io.costlens.devlens.DailyRollupRepository.DayModelTotals;
import io.costlens.devlens.DailyRollupRepository.Window;
import io.costlens.devlens.Report.Query;
import io.costlens.platform.TimeParam;

/**
 * Builds ProdLens reports from the daily roll-ups (never from the sessions) and the
 * GitHub rows of the window.
 */
@Service
class Analytics {

	static final int MAX_LAG_DAYS = 7;

	private final DailyRollupRepository rollups;

	private final GithubRepository github;

	private final DevlensProperties properties;

	private final Clock clock;

	Analytics(DailyRollupRepository rollups, GithubRepository github, DevlensProperties properties) {
		this.rollups = rollups;
		this.github = github;
		this.properties = properties;
		this.clock = Clock.systemUTC();
	}

	/**
	 * Reads and checks the parameters every report endpoint takes.
	 * @param since days back from today (default 7), or the first day: a date, or a
	 * date-time for its UTC day
	 * @param repo the repository, or {@code null} for all
	 * @param lagDays 0 to 7
	 * @param policyModels globs that replace the configured policy models, or empty
	 * @return the query
	 */
	Query query(@Nullable String since, @Nullable String repo, @Nullable String lagDays, List<String> policyModels) {
		String label = (since == null || since.isBlank()) ? "7" : since.strip();
		LocalDate today = LocalDate.now(this.clock);
		LocalDate from;
		if (label.matches("\\d{1,5}")) {
			from = today.minusDays(Integer.parseInt(label));
		}
		else {
			try {
				from = TimeParam.parse(label).day();
			}
			catch (DateTimeParseException ex) {
				throw Paging.invalid("since",
						"must be a number of days back (0 to 99999), or the first day: " + TimeParam.reason(label));
			}
		}
		int lag = Paging.bounded("lag_days", (lagDays == null) ? "1" : lagDays, 0, MAX_LAG_DAYS);
		String slug = null;
		if (repo != null && !repo.isBlank()) {
			try {
				slug = TraceNormalizer.checkSlug(repo.strip());
			}
			catch (RejectedTrace ex) {
				throw Paging.invalid("repo", ex.getMessage());
			}
		}
		List<String> policy = policyModels.isEmpty() ? this.properties.policyModels() : policyModels;
		return new Query(from, label, slug, lag, List.copyOf(policy));
	}

	Report report(Query query) {
		Window window = new Window(query.from(), null, query.repo(), null, null);
		DailyRollup totals = new DailyRollup();
		Map<LocalDate, DailyRollup> days = new TreeMap<>();
		Map<String, DailyRollup> models = new TreeMap<>();
		for (DayModelTotals row : this.rollups.byDayAndModel(window)) {
			totals.merge(row.totals());
			days.computeIfAbsent(row.eventDate(), (d) -> new DailyRollup()).merge(row.totals());
			models.computeIfAbsent(row.model(), (m) -> new DailyRollup()).merge(row.totals());
		}
		double median = (totals.sessions == 0) ? 0.0 : LatencySketch.median(this.rollups.latency(window));
		Instant start = query.start();
		Instant now = this.clock.instant();
		double windowDays = Math.max(1.0, Duration.between(start, now).toMillis() / 86_400_000.0);
		return new Report(query, totals, days, models, median,
				this.github.pullRequests(start, null, query.repo(), null),
				this.github.commitsPerDay(start, null, query.repo()), windowDays);
	}

}
