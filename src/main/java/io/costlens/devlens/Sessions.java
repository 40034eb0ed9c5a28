package io.costlens.devlens;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;

import io.costlens.devlens.DailyRollupRepository.Counted;
import io.costlens.devlens.DailyRollupRepository.DayModelTotals;
import io.costlens.devlens.DailyRollupRepository.Window;
import io.costlens.devlens.GithubImport.Commit;
import io.costlens.devlens.GithubImport.PullRequest;
import io.costlens.platform.NotFound;

/** Sessions: pages, one session with its related PRs and commits, developer profiles. */
@Service
class Sessions {

	private final SessionList list;

	private final GithubRepository github;

	private final DailyRollupRepository rollups;

	private final DevlensProperties properties;

	Sessions(SessionList list, GithubRepository github, DailyRollupRepository rollups, DevlensProperties properties) {
		this.list = list;
		this.github = github;
		this.rollups = rollups;
		this.properties = properties;
	}

	/**
	 * A page in ProdLens' shape.
	 *
	 * @param sessions the page
	 * @param totalCount sessions that match
	 * @param page the page number
	 * @param pageSize its size
	 * @param hasMore whether a later page has sessions
	 */
	record SessionPage(List<SessionView> sessions, long totalCount, int page, int pageSize, boolean hasMore) {
	}

	SessionPage page(SessionQuery query) {
		return page(query, count(query));
	}

	/** A page of the sessions a query matches, of which there are {@code total}. */
	SessionPage page(SessionQuery query, long total) {
		List<SessionView> sessions = this.list.page(query).stream().map(SessionView::of).toList();
		return new SessionPage(sessions, total, query.page(), query.pageSize(),
				query.offset() + sessions.size() < total);
	}

	/** How many sessions a query's filters match (its page and order aside). */
	long count(SessionQuery query) {
		return this.list.count(query);
	}

	/**
	 * One session and what it led to.
	 *
	 * @param session the session
	 * @param relatedPrNumber the first PR of the same developer in the same repository
	 * opened within the related window after the session
	 * @param relatedPullRequests all of them, by number
	 * @param relatedCommits the first five commits of the same developer in the same
	 * repository within the window
	 * @param relatedWindowHours the window
	 */
	record SessionDetail(@JsonUnwrapped SessionView session, @Nullable Integer relatedPrNumber,
			List<Integer> relatedPullRequests, List<String> relatedCommits, double relatedWindowHours) {
	}

	SessionDetail detail(String sessionId) {
		Session session = this.list.first(sessionId)
			.orElseThrow(() -> new NotFound("No session with session_id '" + sessionId + "'"));
		CanonicalTrace trace = session.trace();
		Instant from = trace.timestamp();
		Instant to = from.plus(this.properties.relatedWindow());
		List<Integer> prs = List.of();
		List<String> commits = List.of();
		if (trace.developerId() != null) {
			prs = this.github.pullRequests(from, to, trace.repoSlug(), trace.developerId())
				.stream()
				.map(PullRequest::number)
				.toList();
			commits = this.github.commits(from, to, trace.repoSlug(), trace.developerId(), 5)
				.stream()
				.map(Commit::sha)
				.toList();
		}
		return new SessionDetail(SessionView.of(session), prs.isEmpty() ? null : prs.get(0), prs, commits,
				this.properties.relatedWindow().toMinutes() / 60.0);
	}

	/** A developer's profile from the daily roll-ups. */
	Map<String, Object> profile(String developerId) {
		Window window = new Window(null, null, null, developerId, null);
		List<DayModelTotals> rows = this.rollups.byDayAndModel(window);
		if (rows.isEmpty()) {
			throw new NotFound("No sessions of developer '" + developerId + "'");
		}
		DailyRollup totals = new DailyRollup();
		Map<LocalDate, Long> byDate = new TreeMap<>();
		Map<String, Long> byModel = new LinkedHashMap<>();
		for (DayModelTotals row : rows) {
			totals.merge(row.totals());
			byDate.merge(row.eventDate(), row.totals().sessions, Long::sum);
			byModel.merge(row.model().isEmpty() ? "(no model)" : row.model(), row.totals().sessions, Long::sum);
		}
		Map<String, Long> sessionsByDate = new LinkedHashMap<>();
		byDate.forEach((day, n) -> sessionsByDate.put(day.toString(), n));
		List<Map<String, Object>> models = byModel.entrySet()
			.stream()
			.sorted((a, b) -> (!a.getValue().equals(b.getValue())) ? Long.compare(b.getValue(), a.getValue())
					: a.getKey().compareTo(b.getKey()))
			.limit(5)
			.map((e) -> Report.map("value", e.getKey(), "count", e.getValue()))
			.toList();
		List<Map<String, Object>> repos = this.rollups.countBy("repo_slug", window)
			.stream()
			.limit(5)
			.map((Counted c) -> Report.map("value", c.value(), "count", c.count()))
			.toList();
		Map<String, Object> profile = new LinkedHashMap<>();
		profile.put("developer_id", developerId);
		profile.put("total_sessions", totals.sessions);
		profile.put("total_tokens_used", totals.tokensIn + totals.tokensOut);
		profile.put("total_cost_usd", totals.costUsd.stripTrailingZeros().toPlainString());
		profile.put("priced_sessions", totals.pricedCount);
		profile.put("unpriced_sessions", totals.unpricedCount);
		profile.put("avg_latency_ms", totals.latencySum / totals.sessions);
		profile.put("acceptance_rate", 100.0 * totals.accepted / totals.sessions);
		profile.put("most_used_models", models);
		profile.put("active_repos", repos);
		profile.put("sessions_by_date", sessionsByDate);
		return profile;
	}

}
