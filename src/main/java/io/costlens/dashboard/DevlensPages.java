package io.costlens.dashboard;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriUtils;

import io.costlens.devlens.Devlens;
import io.costlens.platform.Caches;
import io.costlens.platform.Caches.Level;
import io.costlens.platform.InvalidRequest;

/**
 * Developer AI-assistant analytics: the KPIs with their status and the insights for a
 * window, the sessions (filtered, sorted, paged, with totals that follow the filters),
 * one session, and a developer's profile. Every role reads them.
 */
@Controller
class DevlensPages implements DashboardPage {

	static final List<String> WINDOWS = List.of("7", "30", "90");

	static final List<String> SORTS = List.of("timestamp", "cost", "tokens", "latency");

	private static final TypeReference<SessionsContent> CONTENT = new TypeReference<>() {
	};

	private final Devlens devlens;

	private final MessageSource messages;

	private final ChartJson json;

	private final Formats formats;

	private final DashboardProperties properties;

	private final Fragments fragments;

	private final Caches caches;

	DevlensPages(Devlens devlens, MessageSource messages, ChartJson json, Formats formats,
			DashboardProperties properties, Fragments fragments, Caches caches) {
		this.devlens = devlens;
		this.fragments = fragments;
		this.caches = caches;
		this.messages = messages;
		this.json = json;
		this.formats = formats;
		this.properties = properties;
	}

	/** The KPIs whose target is a ceiling, not a floor. */
	private static final Set<String> CEILINGS = Set.of("error_rate", "token_efficiency", "pr_merge_time_hours",
			"rework_rate");

	@GetMapping("/ui/developers")
	@KeptPage({ Devlens.DATA, Devlens.SESSIONS })
	String analytics(@RequestParam(required = false) @Nullable String since,
			@RequestParam(required = false) @Nullable String repo, Model model, Locale locale) {
		String window = (since == null || since.isBlank()) ? "7" : since;
		if (!WINDOWS.contains(window)) {
			throw new InvalidRequest("since: must be one of " + WINDOWS);
		}
		String slug = Params.optional(repo);
		Devlens.Analysis analysis = this.devlens.analysis(window, slug);
		List<Devlens.Kpi> kpis = analysis.kpis();
		model.addAttribute("kpis", kpis.stream().map((k) -> kpiRow(k, locale)).toList());
		model.addAttribute("hasData", kpis.stream().anyMatch((k) -> !"no_data".equals(k.status())));
		model.addAttribute("advice",
				kpis.stream()
					.filter((k) -> "warning".equals(k.status()) || "critical".equals(k.status()))
					.map((k) -> message("kpi." + k.name() + ".advice", locale))
					.toList());
		model.addAttribute("correlations",
				analysis.correlations().stream().map((c) -> correlationRow(c, locale)).toList());
		model.addAttribute("anomalies",
				analysis.anomalies()
					.stream()
					.map((a) -> new AnomalyRow(this.formats.day(a.date()), message("anomaly." + a.metric(), locale),
							this.formats.decimal(a.value(), 2), this.formats.decimal(a.baseline(), 2),
							this.formats.decimal(a.zScore(), 1)))
					.toList());
		model.addAttribute("since", window);
		model.addAttribute("windows", WINDOWS);
		model.addAttribute("repo", slug);
		return "dashboard/developers";
	}

	private KpiRow kpiRow(Devlens.Kpi k, Locale locale) {
		String unit = " " + message("kpi." + k.name() + ".unit", locale);
		return new KpiRow("kpi-" + k.name(), message("kpi." + k.name(), locale),
				"no_data".equals(k.status()) ? "—" : this.formats.decimal(k.value(), 2) + unit,
				(CEILINGS.contains(k.name()) ? "≤ " : "≥ ") + this.formats.decimal(k.threshold(), 2) + unit,
				"kpi-" + k.status(), message("kpi.status." + k.status(), locale));
	}

	private CorrelationRow correlationRow(Devlens.Correlation c, Locale locale) {
		String verdict = (c.r() == null) ? "developers.corr.none" : !c.reliable() ? "developers.corr.unreliable"
				: c.significant() ? "developers.corr.significant" : "developers.corr.notsignificant";
		return new CorrelationRow(
				message("series." + c.variable1(), locale) + " → " + message("series." + c.variable2(), locale),
				message("method." + c.method(), locale), this.formats.decimal(c.r(), 3),
				this.formats.decimal(c.adjustedPValue(), 3), this.formats.number(c.count()), message(verdict, locale));
	}

	private String message(String code, Locale locale) {
		return this.messages.getMessage(code, null, locale);
	}

	@GetMapping("/ui/developers/sessions")
	@KeptPage({ Devlens.DATA, Devlens.SESSIONS })
	String sessions(@RequestParam(required = false) @Nullable String developer,
			@RequestParam(required = false) @Nullable String model,
			@RequestParam(required = false) @Nullable String repo,
			@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
			@RequestParam(defaultValue = "timestamp") String sort, @RequestParam(defaultValue = "desc") String order,
			@RequestParam(defaultValue = "1") int page, Model view, HttpServletRequest request, Locale locale) {
		LocalDate first = date("from", from);
		LocalDate last = date("to", to);
		int number = Math.max(1, page);
		String key = String.join("|", request.getContextPath(), locale.toLanguageTag(),
				String.valueOf(Params.optional(developer)), String.valueOf(Params.optional(model)),
				String.valueOf(Params.optional(repo)), String.valueOf(first), String.valueOf(last), sort, order,
				String.valueOf(number), String.valueOf(this.properties.pageSize()));
		SessionsContent content = this.caches.get(Level.QUERY, "dashboard-session-rows", key, CONTENT,
				() -> sessionsContent(this.devlens.sessions(Params.optional(developer), Params.optional(model),
						Params.optional(repo), first, last, sort, order, number, this.properties.pageSize()), request,
						locale),
				Devlens.DATA, Devlens.SESSIONS);
		view.addAttribute("found", new Devlens.SessionsPage(List.of(), content.totalCount(), content.page(),
				content.pageSize(), content.hasMore(), content.totals()));
		view.addAttribute("rowsHtml", content.rows());
		view.addAttribute("pager", Pager
			.of(new io.costlens.platform.Page<>(List.of(), content.totalCount(), content.page(), content.pageSize())));
		view.addAttribute("developer", Params.optional(developer));
		view.addAttribute("model", Params.optional(model));
		view.addAttribute("repo", Params.optional(repo));
		view.addAttribute("from", first);
		view.addAttribute("to", last);
		view.addAttribute("sort", sort);
		view.addAttribute("order", order);
		view.addAttribute("sorts", SORTS);
		return "dashboard/sessions";
	}

	/**
	 * A page of the sessions list with its rows rendered, kept until sessions are
	 * imported or swept ({@link Devlens#SESSIONS}) or the roll-ups its totals come from
	 * change ({@link Devlens#DATA}): rendering the rows was about half of the page's
	 * time.
	 */
	private SessionsContent sessionsContent(Devlens.SessionsPage found, HttpServletRequest request, Locale locale) {
		String yes = this.messages.getMessage("yes", null, locale);
		String no = this.messages.getMessage("no", null, locale);
		String base = request.getContextPath();
		List<SessionRow> rows = found.sessions()
			.stream()
			.map((s) -> new SessionRow(
					(s.sessionId() != null) ? base + "/ui/developers/sessions/"
							+ UriUtils.encodePathSegment(s.sessionId(), StandardCharsets.UTF_8) : null,
					this.formats.dateTime(s.timestamp()),
					(s.developerId() != null) ? base + "/ui/developers/profile?developer="
							+ UriUtils.encodeQueryParam(s.developerId(), StandardCharsets.UTF_8) : null,
					s.developerId(), (s.model() != null) ? s.model() : "—", s.repoSlug().isEmpty() ? "—" : s.repoSlug(),
					this.formats.number(s.totalTokens()), this.formats.decimal(s.latencyMs(), 0),
					s.acceptedFlag() ? yes : no, this.formats.moneyText(s.costUsd())))
			.toList();
		String html = rows.isEmpty() ? ""
				: this.fragments.render("dashboard/session-rows", "rows", Map.of("rows", rows), locale);
		return new SessionsContent(html, found.totalCount(), found.page(), found.pageSize(), found.hasMore(),
				found.totals());
	}

	@GetMapping("/ui/developers/sessions/{id}")
	@KeptPage({ Devlens.DATA, Devlens.SESSIONS })
	String session(@PathVariable String id, Model model) {
		model.addAttribute("detail", this.devlens.session(id));
		return "dashboard/session";
	}

	@GetMapping("/ui/developers/profile")
	@KeptPage({ Devlens.DATA, Devlens.SESSIONS })
	String profile(@RequestParam(required = false) @Nullable String developer, Model model, Locale locale) {
		String id = Params.optional(developer);
		if (id == null) {
			throw new InvalidRequest("developer: is required");
		}
		Map<String, Object> profile = this.devlens.profile(id);
		model.addAttribute("profile", profile);
		model.addAttribute("developer", id);
		@SuppressWarnings("unchecked")
		Map<String, Long> byDate = (Map<String, Long>) profile.get("sessions_by_date");
		List<String> labels = new ArrayList<>();
		List<Double> values = new ArrayList<>();
		List<DayCount> days = new ArrayList<>();
		byDate.forEach((day, n) -> {
			labels.add(this.formats.day(LocalDate.parse(day)));
			values.add(n.doubleValue());
			days.add(new DayCount(LocalDate.parse(day), n));
		});
		model.addAttribute("byDate", days);
		model.addAttribute("chart",
				this.json.of(new ChartData("bar", labels,
						List.of(new ChartData.Series(this.messages.getMessage("profile.chart.sessions", null, locale),
								values, false, false)),
						locale.toLanguageTag(), false)));
		return "dashboard/profile";
	}

	private static @Nullable LocalDate date(String name, @Nullable String value) {
		String text = Params.optional(value);
		if (text == null) {
			return null;
		}
		try {
			return LocalDate.parse(text);
		}
		catch (DateTimeParseException ex) {
			throw new InvalidRequest(name + ": must be a date such as 2026-12-01");
		}
	}

	/**
	 * A page of the sessions list as kept: its rows as HTML and what the page shows
	 * around them.
	 *
	 * @param rows the table's rows
	 * @param totalCount sessions that match
	 * @param page the page number
	 * @param pageSize its size
	 * @param hasMore whether a later page has sessions
	 * @param totals over every session that matches
	 */
	record SessionsContent(String rows, long totalCount, int page, int pageSize, boolean hasMore,
			Devlens.SessionTotals totals) {

	}

	/**
	 * A session's row of the sessions table, its cells written out: one simple expression
	 * per cell. Public so that those expressions compile (SpEL compiles calls on public
	 * types only).
	 *
	 * @param href the session's page, or {@code null} when it has no session id
	 * @param when its time
	 * @param profileHref its developer's profile, or {@code null} when it has no
	 * developer
	 * @param developer its developer, or {@code null}
	 * @param model its model, or a dash
	 * @param repo its repository, or a dash
	 * @param tokens its tokens
	 * @param latency its latency in milliseconds
	 * @param accepted yes or no
	 * @param cost its cost, or "no price"
	 */
	public record SessionRow(@Nullable String href, String when, @Nullable String profileHref,
			@Nullable String developer, String model, String repo, String tokens, String latency, String accepted,
			String cost) {

	}

	/**
	 * A KPI's row, its cells written out. Public so that its expressions compile.
	 *
	 * @param id the row's id
	 * @param label the KPI's name
	 * @param value its value and unit, or a dash without data
	 * @param target its target (a floor or a ceiling) and unit
	 * @param badge its status's class
	 * @param status its status
	 */
	public record KpiRow(String id, String label, String value, String target, String badge, String status) {

	}

	/**
	 * A correlation's row, its cells written out. Public so that its expressions compile.
	 *
	 * @param pair the two series
	 * @param method the method
	 * @param r the coefficient
	 * @param p the adjusted p-value
	 * @param days the days compared
	 * @param verdict what it means
	 */
	public record CorrelationRow(String pair, String method, String r, String p, String days, String verdict) {

	}

	/**
	 * An unusual day's row, its cells written out. Public so that its expressions
	 * compile.
	 *
	 * @param day the day
	 * @param metric the metric
	 * @param value its value
	 * @param baseline the median
	 * @param z the robust z-score
	 */
	public record AnomalyRow(String day, String metric, String value, String baseline, String z) {

	}

	/**
	 * @param day a UTC day
	 * @param sessions the developer's sessions on it
	 */
	record DayCount(LocalDate day, long sessions) {

	}

}
