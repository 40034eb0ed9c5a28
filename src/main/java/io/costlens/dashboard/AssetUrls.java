package io.costlens.dashboard;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
import org.springframework.web.servlet.resource.ResourceUrlProvider;
import org.springframework.web.servlet.resource.ResourceUrlProviderExposingInterceptor;

/**
 * Gives the dashboard's asset links their content-hashed or versioned URLs, and leaves
 * every other link as it is. It takes the place of Spring's own filter, which looks each
 * link of a page up as a static file on the class path (several jar lookups per link,
 * none of them cached when the file is missing): on a page with forty links that was most
 * of its render time. An asset's resolved link is kept: the files are those of the jar,
 * and their hashes do not change while it runs.
 */
class AssetUrls extends ResourceUrlEncodingFilter {

	private static final String[] PREFIXES = { "/ui/assets/", "/ui/vendor/" };

	/** The links of the templates' assets, a handful. */
	private final Map<String, String> resolved = new ConcurrentHashMap<>();

	@Override
	public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!(request instanceof HttpServletRequest http) || !(response instanceof HttpServletResponse servlet)) {
			chain.doFilter(request, response);
			return;
		}
		chain.doFilter(request, new HttpServletResponseWrapper(servlet) {

			@Override
			public String encodeURL(String url) {
				return super.encodeURL(resolve(http, url));
			}

		});
	}

	private String resolve(HttpServletRequest request, String url) {
		String path = url.substring(Math.min(url.length(), request.getContextPath().length()));
		for (String prefix : PREFIXES) {
			if (path.startsWith(prefix)) {
				String known = this.resolved.get(url);
				if (known != null) {
					return known;
				}
				Object provider = request
					.getAttribute(ResourceUrlProviderExposingInterceptor.RESOURCE_URL_PROVIDER_ATTR);
				String found = (provider instanceof ResourceUrlProvider urls) ? urls.getForRequestUrl(request, url)
						: null;
				if (found == null) {
					return url;
				}
				this.resolved.put(url, found);
				return found;
			}
		}
		return url;
	}

}
