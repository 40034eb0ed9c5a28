package io.costlens.dashboard;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.thymeleaf.context.WebExpressionContext;
import org.thymeleaf.spring6.ISpringTemplateEngine;
import org.thymeleaf.spring6.context.webmvc.SpringWebMvcThymeleafRequestContext;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;
import org.thymeleaf.spring6.naming.SpringContextVariableNames;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.support.RequestContext;

/**
 * Renders a fragment of a dashboard template into a string, in the current request (its
 * links, language and the beans its expressions call), as the page's own view would: for
 * the parts of a page that are cached as HTML until the data they show changes. A cached
 * part holds no form (a form carries the session's CSRF token) and nothing that depends
 * on who asks unless its cache key says who.
 */
@Component
class Fragments {

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

}
