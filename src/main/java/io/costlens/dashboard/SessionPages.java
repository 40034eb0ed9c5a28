package io.costlens.dashboard;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;

import io.costlens.dashboard.Preferences.Choice;
import io.costlens.platform.CurrentUser;

/**
 * Sign-in page, the refusal page, and the preferences any role may change: language,
 * tour, shortcuts.
 */
@Controller
class SessionPages implements DashboardPage {

	private final Preferences preferences;

	private final LocaleResolver locales;

	SessionPages(Preferences preferences, LocaleResolver locales) {
		this.preferences = preferences;
		this.locales = locales;
	}

	@GetMapping("/ui/login")
	String login(@RequestParam(required = false) @Nullable String lang, HttpServletRequest request,
			HttpServletResponse response) {
		if (lang != null) {
			this.locales.setLocale(request, response, Locale.forLanguageTag(lang));
			return "redirect:/ui/login";
		}
		return "dashboard/login";
	}

	@RequestMapping(path = "/ui/denied", method = { RequestMethod.GET, RequestMethod.POST })
	String denied(HttpServletResponse response) {
		response.setStatus(HttpStatus.FORBIDDEN.value());
		return "dashboard/denied";
	}

	@PostMapping("/ui/preferences/locale")
	String locale(@RequestParam String lang, HttpServletRequest request, HttpServletResponse response) {
		Locale chosen = DashboardLocales.supported(Locale.forLanguageTag(lang));
		this.locales.setLocale(request, response, chosen);
		CurrentUser me = CurrentUser.current().orElseThrow();
		this.preferences.save(me.userId(), this.preferences.of(me.userId()).withLocale(chosen));
		return back(request);
	}

	@PostMapping("/ui/preferences/tour")
	String tour(@RequestParam boolean done, HttpServletRequest request) {
		CurrentUser me = CurrentUser.current().orElseThrow();
		Choice choice = this.preferences.of(me.userId());
		this.preferences.save(me.userId(), choice.withTourDone(done));
		return back(request);
	}

	@PostMapping("/ui/preferences/shortcuts")
	String shortcuts(@RequestParam boolean on, HttpServletRequest request) {
		CurrentUser me = CurrentUser.current().orElseThrow();
		this.preferences.save(me.userId(), this.preferences.of(me.userId()).withShortcuts(on));
		return back(request);
	}

	static String back(HttpServletRequest request) {
		String referer = request.getHeader("Referer");
		int at = (referer != null) ? referer.indexOf("/ui") : -1;
		return "redirect:" + ((at >= 0) ? referer.substring(at) : "/ui/");
	}

}
