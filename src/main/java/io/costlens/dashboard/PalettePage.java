package io.costlens.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.costlens.platform.CurrentUser;
import io.costlens.predictions.ModelSummary;
import io.costlens.predictions.Predictions;
import io.costlens.scenarios.Scenario;
import io.costlens.scenarios.ScenarioFilter;
import io.costlens.scenarios.Scenarios;

/**
 * The command palette's results for what was typed: the pages the caller may open,
 * scenarios and models by name, and common actions, in the page's language.
 */
@Controller
class PalettePage implements DashboardPage {

	private static final int MATCHES = 6;

	private final Scenarios scenarios;

	private final Predictions predictions;

	private final MessageSource messages;

	PalettePage(Scenarios scenarios, Predictions predictions, MessageSource messages) {
		this.scenarios = scenarios;
		this.predictions = predictions;
		this.messages = messages;
	}

	@GetMapping("/ui/palette")
	@KeptPage({ Scenarios.LISTED, Predictions.PREDICTIONS })
	String results(@RequestParam(required = false) @Nullable String q, Model model, Locale locale) {
		String query = (q != null) ? q.strip().toLowerCase(Locale.ROOT) : "";
		CurrentUser me = CurrentUser.current().orElseThrow();
		List<Entry> entries = new ArrayList<>();
		page(entries, "nav.overview", "/ui/", query, locale);
		page(entries, "nav.scenarios", "/ui/scenarios", query, locale);
		page(entries, "nav.predictions", "/ui/predictions", query, locale);
		page(entries, "nav.providers", "/ui/providers", query, locale);
		page(entries, "nav.developers", "/ui/developers", query, locale);
		page(entries, "nav.sessions", "/ui/developers/sessions", query, locale);
		page(entries, "nav.reports", "/ui/reports", query, locale);
		page(entries, "nav.prices", "/ui/prices", query, locale);
		if (me.isAdmin()) {
			page(entries, "nav.audit", "/ui/audit", query, locale);
			page(entries, "nav.users", "/ui/users", query, locale);
		}
		if (!query.isEmpty()) {
			for (Scenario s : this.scenarios.first(new ScenarioFilter(null, null, query), MATCHES)) {
				entries.add(new Entry(s.name(), "/ui/scenarios/" + s.id(), "scenario", null));
			}
			this.predictions.models()
				.stream()
				.map(ModelSummary::modelName)
				.filter((name) -> name.toLowerCase(Locale.ROOT).contains(query))
				.limit(MATCHES)
				.forEach((name) -> entries.add(new Entry(name, "/ui/predictions/" + name, "model", null)));
		}
		if (me.role() != io.costlens.platform.Role.VIEWER) {
			action(entries, "palette.action.new", "/ui/scenarios#new-scenario", null, query, locale);
			action(entries, "palette.action.key", "/ui/providers#new-key", null, query, locale);
		}
		action(entries, "palette.action.help", "#help", null, query, locale);
		action(entries, "palette.action.english", "/ui/preferences/locale", "en", query, locale);
		action(entries, "palette.action.italian", "/ui/preferences/locale", "it", query, locale);
		action(entries, "palette.action.signout", "/ui/logout", "", query, locale);
		model.addAttribute("entries", entries);
		model.addAttribute("query", query);
		return "dashboard/palette :: results";
	}

	private void page(List<Entry> entries, String key, String href, String query, Locale locale) {
		String label = this.messages.getMessage(key, null, locale);
		if (query.isEmpty() || label.toLowerCase(locale).contains(query)) {
			entries.add(new Entry(label, href, "page", null));
		}
	}

	private void action(List<Entry> entries, String key, String href, @Nullable String value, String query,
			Locale locale) {
		String label = this.messages.getMessage(key, null, locale);
		if (query.isEmpty() || label.toLowerCase(locale).contains(query)) {
			entries.add(new Entry(label, href, "action", value));
		}
	}

	/**
	 * One result.
	 *
	 * @param label what it says
	 * @param href where it goes, or the form it posts to
	 * @param kind {@code page}, {@code scenario}, {@code model} or {@code action}
	 * @param post {@code null} for a link; for an action that posts, the value it sends
	 */
	record Entry(String label, String href, String kind, @Nullable String post) {

	}

}
