package io.costlens.dashboard;

import java.io.CharArrayWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.ViewResolver;
import org.springframework.web.servlet.support.RequestContextUtils;

import io.costlens.accounts.Accounts;
import io.costlens.platform.Caches;
import io.costlens.platform.CurrentUser;

/**
 * Keeps the rendered HTML of the signed-in {@code GET} pages marked {@link KeptPage}, so
 * that a page whose data did not change costs about what the sign-in page costs. An entry
 * is keyed by the handler, the path and query, the user and role, the language, the
 * generations of the user, their preferences and the page's data sets, and the hour (in
 * the reporting zone and in UTC: every "now" a page uses, its days, its last 24 hours,
 * moves on at most on those hours). The CSRF token of the request that rendered it is
 * kept as a stand-in that each request fills with its own (masked) token. Never kept: an
 * answer other than 200, a redirect, a page shown with flash attributes (after a form's
 * post-redirect), a request whose session is not known from its cookie. The security
 * chain runs before it, so a deactivated user is still signed out at once. Bounded by
 * weight ({@code costlens.dashboard.page-cache-size}) and age
 * ({@code costlens.dashboard.page-cache-ttl}).
 */
@Component
class PageCache implements HandlerInterceptor {

	private static final String KEY = PageCache.class.getName() + ".key";

	private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");

	private final Caches caches;

	private final ViewResolver views;

	private final DashboardProperties properties;

	private final @Nullable Cache<String, Kept> pages;

	PageCache(ObjectProvider<Caches> caches, ObjectProvider<org.thymeleaf.spring6.view.ThymeleafViewResolver> views,
			DashboardProperties properties, ObjectProvider<MeterRegistry> meters) {
		this.caches = caches.getIfAvailable(Caches::none);
		this.views = views.getObject();
		this.properties = properties;
		long bytes = properties.pageCacheSize().toBytes();
		if (bytes <= 0) {
			this.pages = null;
			return;
		}
		this.pages = Caffeine.newBuilder()
			.maximumWeight(bytes)
			.weigher((String key, Kept page) -> page.weight(key))
			.expireAfterWrite(properties.pageCacheTtl())
			.recordStats()
			.build();
		MeterRegistry registry = meters.getIfAvailable();
		if (registry != null) {
			CaffeineCacheMetrics.monitor(registry, this.pages, "dashboard-pages");
		}
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
			throws IOException {
		String key = key(request, handler);
		if (key == null) {
			return true;
		}
		Kept page = "true".equalsIgnoreCase(request.getParameter("refresh")) ? null : this.pages.getIfPresent(key);
		if (page == null) {
			request.setAttribute(KEY, key);
			return true;
		}
		if (page.locale() != null) {
			response.setLocale(page.locale());
		}
		response.setContentType(page.contentType());
		response.getWriter().write(Fragments.withToken(page.html(), request));
		return false;
	}

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			@Nullable ModelAndView result) throws Exception {
		if (!(request.getAttribute(KEY) instanceof String key) || result == null || result.getView() != null
				|| result.getViewName() == null || result.getViewName().startsWith("redirect:")
				|| result.getViewName().startsWith("forward:") || response.getStatus() != HttpServletResponse.SC_OK) {
			return;
		}
		View view = this.views.resolveViewName(result.getViewName(), LocaleContextHolder.getLocale());
		if (view != null) {
			result.setView(new Keeping(view, key, this));
		}
	}

	/** The page's key, or {@code null} when this request's page is not kept. */
	private @Nullable String key(HttpServletRequest request, Object handler) {
		if (this.pages == null || !(handler instanceof HandlerMethod method)
				|| !HttpMethod.GET.matches(request.getMethod())) {
			return null;
		}
		KeptPage kept = method.getMethodAnnotation(KeptPage.class);
		CurrentUser me = CurrentUser.current().orElse(null);
		Map<String, ?> flash = RequestContextUtils.getInputFlashMap(request);
		if (kept == null || me == null || (flash != null && !flash.isEmpty())
				|| !request.isRequestedSessionIdFromCookie()) {
			return null;
		}
		String[] dataSets = new String[kept.value().length + 2];
		dataSets[0] = Accounts.USERS;
		dataSets[1] = Preferences.DATA;
		for (int i = 0; i < kept.value().length; i++) {
			String dataSet = expand(kept.value()[i], request);
			if (dataSet == null) {
				return null;
			}
			dataSets[i + 2] = dataSet;
		}
		String generations = this.caches.generations(dataSets);
		if (generations == null) {
			return null;
		}
		Instant now = Instant.now();
		Locale locale = LocaleContextHolder.getLocale();
		return String.join("|", method.getBeanType().getName(), method.getMethod().getName(), request.getRequestURI(),
				String.valueOf(request.getQueryString()), me.userId().toString(), me.role().name(),
				locale.toLanguageTag(), generations, now.truncatedTo(ChronoUnit.HOURS).toString(),
				ZonedDateTime.now(this.properties.timeZone()).truncatedTo(ChronoUnit.HOURS).toInstant().toString());
	}

	/**
	 * A data set's name with its path variables filled in; {@code null} if one is
	 * missing.
	 */
	@SuppressWarnings("unchecked")
	private static @Nullable String expand(String dataSet, HttpServletRequest request) {
		if (dataSet.indexOf('{') < 0) {
			return dataSet;
		}
		Map<String, String> variables = (Map<String, String>) request
			.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
		Matcher matcher = VARIABLE.matcher(dataSet);
		StringBuilder expanded = new StringBuilder();
		while (matcher.find()) {
			String value = (variables != null) ? variables.get(matcher.group(1)) : null;
			if (value == null) {
				return null;
			}
			matcher.appendReplacement(expanded, Matcher.quoteReplacement(uuidOrAsIs(value)));
		}
		matcher.appendTail(expanded);
		return expanded.toString();
	}

	/**
	 * A UUID as the handler's {@code UUID} parameter (and every data set name) has it.
	 */
	private static String uuidOrAsIs(String value) {
		try {
			return UUID.fromString(value).toString();
		}
		catch (IllegalArgumentException ex) {
			return value;
		}
	}

	private void keep(String key, String html, HttpServletRequest request, HttpServletResponse response) {
		if (response.getStatus() != HttpServletResponse.SC_OK || html.contains(";jsessionid=")) {
			return;
		}
		String kept = Fragments.withStandIn(html, request);
		this.pages.put(key, new Kept(kept, response.getContentType(), response.getLocale()));
	}

	/** Forgets every kept page (tests that change what no data set names). */
	void clear() {
		if (this.pages != null) {
			this.pages.invalidateAll();
		}
	}

	/**
	 * A kept page.
	 *
	 * @param html the page, with a stand-in for the CSRF token
	 * @param contentType its content type (with the charset)
	 * @param locale the language the view set on the response
	 */
	private record Kept(String html, String contentType, @Nullable Locale locale) {

		/** An upper bound of its bytes in the heap (two per character). */
		int weight(String key) {
			return 2 * (this.html.length() + key.length()) + 64;
		}

	}

	/** The page's view, rendering into a buffer that is kept, then written. */
	private record Keeping(View view, String key, PageCache cache) implements View {

		@Override
		public @Nullable String getContentType() {
			return this.view.getContentType();
		}

		@Override
		public void render(@Nullable Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
				throws Exception {
			Buffered buffered = new Buffered(response);
			this.view.render(model, request, buffered);
			if (buffered.streamed) {
				return;
			}
			String html = buffered.body.toString();
			this.cache.keep(this.key, html, request, response);
			response.getWriter().write(html);
		}

	}

	/** The response with its writer into a buffer. */
	private static final class Buffered extends HttpServletResponseWrapper {

		private final CharArrayWriter body = new CharArrayWriter(16 * 1024);

		private final PrintWriter writer = new PrintWriter(this.body);

		private boolean streamed;

		Buffered(HttpServletResponse response) {
			super(response);
		}

		@Override
		public PrintWriter getWriter() {
			return this.writer;
		}

		@Override
		public ServletOutputStream getOutputStream() throws IOException {
			this.streamed = true;
			return super.getOutputStream();
		}

		@Override
		public void flushBuffer() {
			this.writer.flush();
		}

	}

}
