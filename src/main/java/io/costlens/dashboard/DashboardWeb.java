package io.costlens.dashboard;

import java.time.Duration;

import jakarta.servlet.DispatcherType;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
import org.springframework.web.servlet.resource.VersionResourceResolver;

/**
 * The dashboard's static files, with content-hashed (own files) or versioned (WebJars)
 * URLs cached for a year; its message bundles; the language resolution.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DashboardProperties.class)
class DashboardWeb implements WebMvcConfigurer {

	private final ObjectProvider<PageCache> pages;

	/**
	 * Takes the page cache lazily: web slices of other modules load this configuration
	 * without the dashboard's beans.
	 */
	DashboardWeb(ObjectProvider<PageCache> pages) {
		this.pages = pages;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		PageCache pages = this.pages.getIfAvailable();
		if (pages != null) {
			registry.addInterceptor(pages).addPathPatterns("/ui", "/ui/**");
		}
	}

	private static final CacheControl IMMUTABLE = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		registry.addResourceHandler("/ui/assets/**")
			.addResourceLocations("classpath:/dashboard/assets/")
			.setCacheControl(IMMUTABLE)
			.resourceChain(true)
			.addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"));
		registry.addResourceHandler("/ui/vendor/**")
			.addResourceLocations("classpath:/META-INF/resources/webjars/")
			.setCacheControl(IMMUTABLE)
			.resourceChain(true)
			.addResolver(new LiteWebJarsResourceResolver());
	}

	/** Every dashboard string, in English and Italian. */
	@Bean
	MessageSource messageSource() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("dashboard/messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		messages.setAlwaysUseMessageFormat(true);
		return messages;
	}

	/**
	 * Content-hashed asset links, without a class-path lookup for every other link;
	 * declared with Spring's filter type so that Boot does not add its own.
	 */
	@Bean
	FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
		FilterRegistrationBean<ResourceUrlEncodingFilter> registration = new FilterRegistrationBean<>(new AssetUrls());
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
		return registration;
	}

	@Bean
	LocaleResolver localeResolver() {
		return new DashboardLocales();
	}

	/** A browser asking for {@code /} gets the dashboard; API clients keep the JSON. */
	@Controller
	static class Root {

		@GetMapping(path = "/", produces = MediaType.TEXT_HTML_VALUE)
		String root() {
			return "redirect:/ui/";
		}

	}

}
