package io.costlens.dashboard;

import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.costlens.dashboard.Preferences.Choice;
import io.costlens.platform.CurrentUser;
import io.costlens.platform.ProblemException;
import io.costlens.platform.Role;

/**
 * What every dashboard page knows: the signed-in user and what they may do, their
 * preferences, the language and the reporting zone. A refused form goes back to its page
 * with the reason; a failed page read shows the error page.
 */
@ControllerAdvice(assignableTypes = DashboardPage.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageModel {

	private final ObjectProvider<Preferences> preferences;

	private final DashboardProperties properties;

	private final ObjectProvider<Chrome> chrome;

	private final ObjectProvider<Formats> formats;

	/**
	 * Takes the preferences and the chrome lazily: web slices of other modules load every
	 * controller advice, and they start without the dashboard's repository (the advice
	 * only serves dashboard pages).
	 */
	PageModel(ObjectProvider<Preferences> preferences, DashboardProperties properties, ObjectProvider<Chrome> chrome,
			ObjectProvider<Formats> formats) {
		this.preferences = preferences;
		this.properties = properties;
		this.chrome = chrome;
		this.formats = formats;
	}

	@ModelAttribute
	void common(Model model, HttpServletRequest request, HttpServletResponse response, Locale locale) {
		Optional<CurrentUser> me = CurrentUser.current();
		model.addAttribute("me", me.orElse(null));
		model.addAttribute("canWrite", me.map((u) -> u.role() != Role.VIEWER).orElse(false));
		model.addAttribute("isAdmin", me.map(CurrentUser::isAdmin).orElse(false));
		Choice prefs = me.map((u) -> this.preferences.getObject().of(u.userId())).orElse(Choice.DEFAULT);
		model.addAttribute("prefs", prefs);
		model.addAttribute("chrome",
				me.map((u) -> this.chrome.getObject().of(request, response, locale, u, prefs)).orElse(null));
		model.addAttribute("lang", locale.getLanguage());
		model.addAttribute("zone", this.properties.timeZone().getId());
		model.addAttribute("formats", this.formats.getObject());
		model.addAttribute("path", request.getRequestURI());
	}

	@ExceptionHandler(ProblemException.class)
	String refused(ProblemException ex, HttpServletRequest request, HttpServletResponse response,
			RedirectAttributes redirect, Model model) {
		if (!HttpMethod.GET.matches(request.getMethod())) {
			redirect.addFlashAttribute("error", ex.getMessage());
			return SessionPages.back(request);
		}
		common(model, request, response, org.springframework.context.i18n.LocaleContextHolder.getLocale());
		response.setStatus(ex.status().value());
		model.addAttribute("status", ex.status().value());
		model.addAttribute("message", ex.getMessage());
		return "dashboard/error";
	}

}
