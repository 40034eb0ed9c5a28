package io.costlens.devlens;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import io.costlens.devlens.DailyRollupRepository.DayModelTotals;
import io.costlens.devlens.DailyRollupRepository.Window;
import io.costlens.devlens.Insights.CorrelationMetric;
import io.costlens.platform.Caches;
import io.costlens.platform.Caches.Level;

/**
 * The devlens module's public API: the KPIs with their status, pages of sessions with the
 * totals of everything the filters match, one session with what it led to, a developer's
 * profile and the insights, each as the matching {@code /api/...} endpoint answers it.
 * Days are UTC days, as the roll-ups keep them.
 */
@Service
public class Devlens {

	/**
	 * The data set of the cached KPIs, reports and insights: every imported session, pull
	 * request and commit, and the retention sweep. A cache of what reads them (as
	 * {@link #dailyCosts}) names it.
	 */
	public static final String DATA = "devlens";

	/**
	 * The data set of cached pages of sessions: every import and every retention sweep of
	 * sessions (which keeps the roll-ups, so {@link #DATA} stays where it is). A cache of
	 * session rows names it and {@link #DATA}.
	 */
	public static final String SESSIONS = "devlens-sessions";

	private static final TypeReference<Matched> MATCHED = new TypeReference<>() {
	};

	private static final TypeReference<Analysis> ANALYSIS = new TypeReference<>() {
	};

	private final Analytics analytics;

	private final Insights insights;

	private final Sessions sessions;

	private final DailyRollupRepository rollups;

	private final DevlensProperties properties;

	private final TraceImport traces;

	private final GithubImport github;

	private final JsonMapper json;

	private final JdbcClient jdbc;

	private final Caches caches;

	Devlens(Analytics analytics, Insights insights, Sessions sessions, DailyRollupRepository rollups,
			DevlensProperties properties, TraceImport traces, GithubImport github, JsonMapper json, JdbcClient jdbc,
			Caches caches) {
		this.caches = caches;
		this.traces = traces;
		this.github = github;
		this.json = json;
		this.jdbc = jdbc;
		this.analytics = analytics;
		this.insights = insights;
		this.sessions = sessions;
		this.rollups = rollups;
		this.properties = properties;
	}

	/**
	 * The nine KPIs of {@code GET /api/metrics} and the correlations and anomalies of
	 * {@code GET /api/insights} (lag 1 day), from one report of the window. Cached per
	 * window and UTC day (a window counted in days back moves at midnight) as the
	 * endpoints' reports are: stale once anything is imported.
	 * @param since days back from today, or a date
	 * @param repo one repository, or {@code null}
	 */
	public Analysis analysis(@Nullable String since, @Nullable String repo) {
		Report.Query query = this.analytics.query(since, repo, null, List.of());
		String key = LocalDate.now(ZoneOffset.UTC) + "|" + query.since() + "|" + query.repo();
		return this.caches.get(Level.REPORT, "devlens-analysis", key, ANALYSIS, () -> analysis(query), DATA);
	}

	private Analysis analysis(Report.Query query) {
		Report report = this.analytics.report(query);
		List<Kpi> kpis = new ArrayList<>();
		Kpis.of(report, this.properties.thresholds())
			.forEach((name, k) -> kpis.add(new Kpi(name, k.value(), k.unit(), k.threshold(), k.status())));
		Map<String, Object> insights = this.insights.insights(report);
		@SuppressWarnings("unchecked")
		List<CorrelationMetric> correlations = (List<CorrelationMetric>) insights.get("correlations");
		@SuppressWarnings("unchecked")
		List<RobustZ.Anomaly> anomalies = (List<RobustZ.Anomaly>) insights.get("anomalies");
		return new Analysis(kpis,
				correlations.stream()
					.map((c) -> new Correlation(c.variable1(), c.variable2(), c.method(), c.r(), c.adjustedPValue(),
							c.count(), c.significant(), c.reliable()))
					.toList(),
				anomalies.stream()
					.map((a) -> new Anomaly(a.date(), a.metric(), a.value(), a.baseline(), a.zScore()))
					.toList());
	}

	/**
	 * A page of sessions as {@code GET /api/sessions} reads it, and the totals of every
	 * session the filters match.
	 * @param from the first UTC day, or {@code null}
	 * @param to the last UTC day (included), or {@code null}
	 * @param sortBy {@code timestamp}, {@code cost}, {@code tokens} or {@code latency}
	 * @param sortOrder {@code asc} or {@code desc}
	 */
	public SessionsPage sessions(@Nullable String developerId, @Nullable String model, @Nullable String repo,
			@Nullable LocalDate from, @Nullable LocalDate to, String sortBy, String sortOrder, int page, int pageSize) {
		SessionQuery query = SessionQuery.of(developerId, model, repo, (from != null) ? from.toString() : null,
				(to != null) ? to.toString() : null, sortBy, sortOrder, String.valueOf(page), String.valueOf(pageSize));
		String key = String.join("|", String.valueOf(query.developerId()), String.valueOf(query.model()),
				String.valueOf(query.repo()), String.valueOf(query.start()), String.valueOf(query.end()),
				String.valueOf(from), String.valueOf(to));
		Matched matched = this.caches.get(Level.QUERY, "devlens-session-totals", key, MATCHED,
				() -> matched(query, from, to), DATA);
		Sessions.SessionPage found = this.sessions.page(query, matched.count());
		return new SessionsPage(found.sessions(), found.totalCount(), found.page(), found.pageSize(), found.hasMore(),
				matched.totals());
	}

	/**
	 * How many sessions the filters match and their sums: the same for every page and
	 * order of the list, so cached until anything is imported or roll-ups are swept. Both
	 * come from the daily roll-ups alone (the range is whole UTC days), so the sweep of
	 * sessions, which keeps their roll-ups, changes neither.
	 */
	private Matched matched(SessionQuery query, @Nullable LocalDate from, @Nullable LocalDate to) {
		DailyRollup totals = new DailyRollup();
		for (DayModelTotals row : this.rollups
			.byDayAndModel(new Window(from, to, query.repo(), query.developerId(), query.model()))) {
			totals.merge(row.totals());
		}
		return new Matched(this.sessions.count(query), new SessionTotals(totals.sessions,
				totals.tokensIn + totals.tokensOut, totals.costUsd, totals.unpricedCount));
	}

	/**
	 * @param count the sessions the filters match
	 * @param totals their sums
	 */
	record Matched(long count, SessionTotals totals) {
	}

	/**
	 * One session and the PRs and commits of the same developer in the same repository
	 * after it.
	 * @throws io.costlens.platform.NotFound when no session has the id
	 */
	public SessionDetail session(String sessionId) {
		Sessions.SessionDetail detail = this.sessions.detail(sessionId);
		return new SessionDetail(detail.session(), detail.relatedPullRequests(), detail.relatedCommits(),
				detail.relatedWindowHours());
	}

	/**
	 * A developer's profile, as {@code GET /api/profile} answers it.
	 * @throws io.costlens.platform.NotFound when the developer has no sessions
	 */
	public Map<String, Object> profile(String developerId) {
		return this.sessions.profile(developerId);
	}

	/**
	 * Imports trace records (NDJSON, one per line) as {@code POST /api/traces} does (the
	 * demo data).
	 * @return how many sessions were new
	 */
	public long importTraces(String ndjson) {
		return this.traces.importTraces(new ByteArrayInputStream(ndjson.getBytes(StandardCharsets.UTF_8)), null)
			.inserted();
	}

	/**
	 * Upserts pull requests and commits as {@code POST /api/github/import} does:
	 * {@code {"repo", "pull_requests": […], "commits": […]}}.
	 * @return how many pull requests were upserted
	 */
	public long importGithub(String body) {
		return this.github.importRows(this.json.readTree(body)).pullRequests();
	}

	/**
	 * The sessions, tokens and cost of each UTC day from {@code from} to {@code to}
	 * (included) and model, from the daily roll-ups, oldest first: days without sessions
	 * are left out.
	 */
	public List<DayCost> dailyCosts(LocalDate from, LocalDate to) {
		return this.rollups.byDayAndModel(new Window(from, to, null, null, null))
			.stream()
			.map((row) -> new DayCost(row.eventDate(), row.model(), row.totals().sessions,
					row.totals().tokensIn + row.totals().tokensOut, row.totals().costUsd, row.totals().unpricedCount))
			.toList();
	}

	/** How many sessions are stored. */
	public long sessionCount() {
		return this.jdbc.sql("select count(*) from devlens_sessions").query(Long.class).single();
	}

	/**
	 * One KPI.
	 *
	 * @param name its key, e.g. {@code acceptance_rate}
	 * @param value its value (0 when there is no data)
	 * @param unit its unit
	 * @param threshold the target
	 * @param status {@code good}, {@code warning}, {@code critical} or {@code no_data}
	 */
	public record Kpi(String name, double value, String unit, double threshold, String status) {
	}

	/**
	 * A window's KPIs and insights.
	 *
	 * @param kpis the nine KPIs, in {@code GET /api/metrics}' order
	 * @param correlations daily AI use against outcomes, as {@code GET /api/insights}
	 * answers them
	 * @param anomalies the days far from the median, likewise
	 */
	public record Analysis(List<Kpi> kpis, List<Correlation> correlations, List<Anomaly> anomalies) {
	}

	/**
	 * One correlation of daily AI use with an outcome.
	 *
	 * @param variable1 the daily AI-use series
	 * @param variable2 the outcome series, a day later
	 * @param method {@code pearson} or {@code spearman}
	 * @param r the coefficient, null below two days or for a constant series
	 * @param adjustedPValue the Benjamini–Hochberg adjusted p-value
	 * @param count the days both series have
	 * @param significant whether the adjusted p-value is below 0.05
	 * @param reliable whether there are enough days
	 */
	public record Correlation(String variable1, String variable2, String method, @Nullable Double r,
			@Nullable Double adjustedPValue, int count, boolean significant, boolean reliable) {
	}

	/**
	 * One day far from the median of a daily series (robust z-score).
	 *
	 * @param date the UTC day
	 * @param metric the series
	 * @param value its value that day
	 * @param baseline the series' median
	 * @param zScore how far
	 */
	public record Anomaly(LocalDate date, String metric, double value, double baseline, double zScore) {
	}

	/**
	 * A page of sessions.
	 *
	 * @param sessions the page
	 * @param totalCount sessions that match
	 * @param page the page number
	 * @param pageSize its size
	 * @param hasMore whether a later page has sessions
	 * @param totals over every session that matches
	 */
	public record SessionsPage(List<SessionView> sessions, long totalCount, int page, int pageSize, boolean hasMore,
			SessionTotals totals) {
	}

	/**
	 * Sums over the sessions a filter matches.
	 *
	 * @param sessions how many
	 * @param tokens their input and output tokens
	 * @param pricedCostUsd the cost of those the catalog could price
	 * @param unpricedSessions those it could not
	 */
	public record SessionTotals(long sessions, long tokens, BigDecimal pricedCostUsd, long unpricedSessions) {
	}

	/**
	 * One UTC day's sessions of one model.
	 *
	 * @param day the UTC day
	 * @param model the model
	 * @param sessions how many
	 * @param tokens their input and output tokens
	 * @param pricedCostUsd the cost of those the catalog could price
	 * @param unpricedSessions those it could not
	 */
	public record DayCost(LocalDate day, String model, long sessions, long tokens, BigDecimal pricedCostUsd,
			long unpricedSessions) {
	}

	/**
	 * One session and what it led to.
	 *
	 * @param session the session
	 * @param relatedPullRequests PR numbers of the same developer in the same repository
	 * within the window after it
	 * @param relatedCommits the first five commits likewise
	 * @param relatedWindowHours the window
	 */
	public record SessionDetail(SessionView session, List<Integer> relatedPullRequests, List<String> relatedCommits,
			double relatedWindowHours) {
	}

}
