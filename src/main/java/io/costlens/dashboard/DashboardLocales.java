package io.costlens.dashboard;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;

import org.springframework.web.servlet.LocaleResolver;

/**
 * The language of a page: the one chosen in the session (from the user's saved preference
 * or the switcher), else the browser's best match among English and Italian.
 */
final class DashboardLocales implements LocaleResolver {

	static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.ITALIAN);

	static final String ATTRIBUTE = DashboardLocales.class.getName() + ".locale";

	@Override
	public Locale resolveLocale(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session != null && session.getAttribute(ATTRIBUTE) instanceof Locale chosen) {
			return chosen;
		}
		for (Locale wanted : java.util.Collections.list(request.getLocales())) {
			for (Locale supported : SUPPORTED) {
				if (supported.getLanguage().equals(wanted.getLanguage())) {
					return supported;
				}
			}
		}
		return Locale.ENGLISH;
	}

	@Override
	public void setLocale(HttpServletRequest request, @Nullable HttpServletResponse response, @Nullable Locale locale) {
		request.getSession().setAttribute(ATTRIBUTE, supported(locale));
	}

	static Locale supported(@Nullable Locale locale) {
		return SUPPORTED.stream()
			.filter((s) -> locale != null && s.getLanguage().equals(locale.getLanguage()))
			.findFirst()
			.orElse(Locale.ENGLISH);
	}

}
