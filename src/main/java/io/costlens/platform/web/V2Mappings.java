package io.costlens.platform.web;

import java.lang.reflect.Method;
import java.util.LinkedHashSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Serves every {@code /api/v1/…} handler at {@code /api/v2/…} too: the same controller
 * method answers both, so v2 covers each v1 resource without a copied handler. A module
 * maps a route under v1 and gets v2 for free; a v2-only route is mapped under v2 alone.
 */
class V2Mappings extends RequestMappingHandlerMapping {

	static final String V1 = "/api/v1/";

	static final String V2 = "/api/v2/";

	@Override
	protected @Nullable RequestMappingInfo getMappingForMethod(Method method, Class<?> handlerType) {
		RequestMappingInfo info = super.getMappingForMethod(method, handlerType);
		if (info == null) {
			return null;
		}
		Set<String> patterns = info.getPatternValues();
		Set<String> all = new LinkedHashSet<>(patterns);
		for (String pattern : patterns) {
			if (pattern.startsWith(V1)) {
				all.add(V2 + pattern.substring(V1.length()));
			}
		}
		return (all.size() == patterns.size()) ? info : info.mutate().paths(all.toArray(String[]::new)).build();
	}

}
