package io.costlens.dashboard;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;

import io.costlens.dashboard.Preferences.Choice;
import io.costlens.platform.CurrentUser;

/**
 * The layout's header (navigation, tools) and dialogs (palette, shortcuts, tour) of
 * {@code dashboard/chrome}: rendered once per language, page section, user and choices,
 * then reused with each request's CSRF token in their forms. Rendered with every page,
 * they were most of a small page's render time (about 90 of the layout's 115 template
 * attributes).
 */
@Component
class Chrome {

	/** The sections the navigation marks as the current one, in its order. */
	static final List<String> SECTIONS = List.of("/ui/scenarios", "/ui/predictions", "/ui/providers", "/ui/developers",
			"/ui/reports", "/ui/prices", "/ui/audit", "/ui/users");

	/** Enough for every combination of a few hundred users; cleared when it fills. */
	private static final int MAX_ENTRIES = 2000;

	private final Fragments fragments;

	private final Map<String, String> rendered = new ConcurrentHashMap<>();

	Chrome(Fragments fragments) {
		this.fragments = fragments;
	}

	/** This request's parts: rendered (or looked up) when the layout asks for them. */
	Parts of(HttpServletRequest request, HttpServletResponse response, Locale locale, CurrentUser me, Choice prefs) {
		return new Parts(this, request, response, locale, me, prefs);
	}

	/**
	 * The section of a path, as the navigation tells it: {@code /ui/} for the overview,
	 * the section's path for the others, {@code ""} for none.
	 */
	static String section(String path) {
		if (path.equals("/ui/") || path.equals("/ui")) {
			return "/ui/";
		}
		for (String section : SECTIONS) {
			if (path.startsWith(section)) {
				return section;
			}
		}
		return "";
	}

	private String part(String fragment, String key, Parts parts) {
		String html = this.rendered.get(key);
		if (html == null) {
			if (this.rendered.size() >= MAX_ENTRIES) {
				this.rendered.clear();
			}
			Map<String, Object> variables = new HashMap<>();
			variables.put("me", parts.me);
			variables.put("isAdmin", parts.me.isAdmin());
			variables.put("prefs", parts.prefs);
			variables.put("lang", parts.locale.getLanguage());
			variables.put("path", section(parts.request.getRequestURI()));
			html = this.fragments.renderWithForms("dashboard/chrome", fragment, variables, parts.request,
					parts.response, parts.locale);
			this.rendered.put(key, html);
		}
		return Fragments.withToken(html, parts.request);
	}

	/**
	 * A page's header and dialogs. Public so that the layout's calls compile (SpEL
	 * compiles calls on public types only).
	 */
	public static final class Parts {

		private final Chrome chrome;

		private final HttpServletRequest request;

		private final HttpServletResponse response;

		private final Locale locale;

		private final CurrentUser me;

		private final Choice prefs;

		private Parts(Chrome chrome, HttpServletRequest request, HttpServletResponse response, Locale locale,
				CurrentUser me, Choice prefs) {
			this.chrome = chrome;
			this.request = request;
			this.response = response;
			this.locale = locale;
			this.me = me;
			this.prefs = prefs;
		}

		/** The header: brand, navigation (this section marked), tools, the user. */
		public String header() {
			return this.chrome
				.part("header",
						String.join("|", "header", this.request.getContextPath(), this.locale.toLanguageTag(),
								section(this.request.getRequestURI()), this.me.username(), this.me.role().name()),
						this);
		}

		/** The palette, the shortcuts' list with its switch, and the tour unless done. */
		public String dialogs() {
			return this.chrome.part("dialogs",
					String.join("|", "dialogs", this.request.getContextPath(), this.locale.toLanguageTag(),
							String.valueOf(this.prefs.shortcuts()), String.valueOf(this.prefs.tourDone())),
					this);
		}

	}

}
