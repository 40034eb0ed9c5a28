package io.costlens.dashboard;

import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.jspecify.annotations.Nullable;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.context.WebExpressionContext;
import org.thymeleaf.spring6.ISpringTemplateEngine;
import org.thymeleaf.spring6.context.webmvc.SpringWebMvcThymeleafRequestContext;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;
import org.thymeleaf.spring6.naming.SpringContextVariableNames;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

import org.springframework.context.ApplicationContext;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.support.RequestContext;
import org.springframework.web.util.HtmlUtils;

/**
 * Renders a fragment of a dashboard template into a string, in the current request (its
 * links, language and the beans its expressions call), as the page's own view would: for
 * the parts of a page that are cached as HTML until the data they show changes. A cached
 * part holds no form (a form carries the session's CSRF token) and nothing that depends
 * on who asks unless its cache key says who; a part with forms is rendered with
 * {@link #renderWithForms} and shown with {@link #withToken}.
 */
@Component
class Fragments {

	/** Stands for the request's CSRF token in a rendered fragment. */
	private static final String TOKEN = "@@csrf-token@@";

	private final ISpringTemplateEngine templates;

	private final ApplicationContext context;

	Fragments(ISpringTemplateEngine templates, ApplicationContext context) {
		this.templates = templates;
		this.context = context;
	}

	/**
	 * The fragment {@code fragment} of the template {@code template}, rendered with these
	 * variables (and no others: not the page's model) in the language.
	 */
	String render(String template, String fragment, Map<String, Object> variables, Locale locale) {
		ServletRequestAttributes attributes = (ServletRequestAttributes) RequestContextHolder
			.currentRequestAttributes();
		HttpServletRequest request = attributes.getRequest();
		HttpServletResponse response = attributes.getResponse();
		Map<String, Object> all = new HashMap<>(variables);
		RequestContext spring = new RequestContext(request, response, request.getServletContext(), all);
		all.put(SpringContextVariableNames.SPRING_REQUEST_CONTEXT, spring);
		all.put(SpringContextVariableNames.THYMELEAF_REQUEST_CONTEXT,
				new SpringWebMvcThymeleafRequestContext(spring, request));
		all.put(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
				new ThymeleafEvaluationContext(this.context, null));
		WebExpressionContext context = new WebExpressionContext(this.templates.getConfiguration(),
				JakartaServletWebApplication.buildApplication(request.getServletContext())
					.buildExchange(request, response),
				locale, all);
		return this.templates.process(template, Set.of(fragment), context);
	}

	/**
	 * The fragment rendered for keeping with its forms: with the request's links and
	 * language, these variables (and no others, none of the request's attributes, so no
	 * CSRF field of this session), and a stand-in for the CSRF token in the forms'
	 * {@code csrfName}/{@code csrfToken} fields, which {@link #withToken} fills with the
	 * token of the request that shows it.
	 */
	String renderWithForms(String template, String fragment, Map<String, Object> variables, HttpServletRequest request,
			HttpServletResponse response, Locale locale) {
		JakartaServletWebApplication app = JakartaServletWebApplication.buildApplication(request.getServletContext());
		CsrfToken token = token(request);
		Map<String, Object> all = new HashMap<>(variables);
		all.put("csrfName", (token != null) ? token.getParameterName() : "_csrf");
		all.put("csrfToken", TOKEN);
		WebContext context = new WebContext(
				app.buildExchange(new OwnAttributes(request), new SessionFreeLinks(response)), locale, all);
		return this.templates.process(template, Set.of(fragment), context);
	}

	/** A rendered fragment with this request's CSRF token in its forms. */
	static String withToken(String html, HttpServletRequest request) {
		CsrfToken token = token(request);
		return html.replace(TOKEN, (token != null) ? HtmlUtils.htmlEscape(token.getToken()) : "");
	}

	/**
	 * A page this request rendered, with its CSRF token replaced by the stand-in that
	 * {@link #withToken} fills in: for keeping a whole page.
	 */
	static String withStandIn(String html, HttpServletRequest request) {
		CsrfToken token = token(request);
		return (token != null) ? html.replace(HtmlUtils.htmlEscape(token.getToken()), TOKEN) : html;
	}

	private static @Nullable CsrfToken token(HttpServletRequest request) {
		return (CsrfToken) request.getAttribute(CsrfToken.class.getName());
	}

	/**
	 * The request with attributes of its own: the page's view keeps its variables (and
	 * Spring's request context, which would add this request's CSRF field to every form)
	 * in the request's attributes, and the fragment's variables must not land there.
	 */
	private static final class OwnAttributes extends HttpServletRequestWrapper {

		private final Map<String, Object> attributes = new HashMap<>();

		OwnAttributes(HttpServletRequest request) {
			super(request);
		}

		@Override
		public @Nullable Object getAttribute(String name) {
			return this.attributes.get(name);
		}

		@Override
		public Enumeration<String> getAttributeNames() {
			return Collections.enumeration(this.attributes.keySet());
		}

		@Override
		public void setAttribute(String name, @Nullable Object value) {
			if (value == null) {
				this.attributes.remove(name);
			}
			else {
				this.attributes.put(name, value);
			}
		}

		@Override
		public void removeAttribute(String name) {
			this.attributes.remove(name);
		}

	}

	/**
	 * Links without the session id the container writes into them while it does not know
	 * the browser keeps cookies: a kept fragment is shown to other sessions (and the
	 * security chain refuses paths with {@code ;jsessionid=}).
	 */
	private static final class SessionFreeLinks extends HttpServletResponseWrapper {

		SessionFreeLinks(HttpServletResponse response) {
			super(response);
		}

		@Override
		public String encodeURL(String url) {
			return url;
		}

		@Override
		public String encodeRedirectURL(String url) {
			return url;
		}

	}

}
