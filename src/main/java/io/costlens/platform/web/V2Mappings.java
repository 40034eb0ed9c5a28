package io.costlens.platform.web;

import java.lang.reflect.Method;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import io.costlens.platform.ApiPaths;

/**
 * Serves every {@code /api/v1/…} handler, and every {@code /api/…} handler the seeds left
 * unversioned, at {@code /api/v2/…} too ({@link ApiPaths}): the same controller method
 * answers both, so v2 covers each resource without a copied handler. A module maps a
 * route under v1 (or at its seed's path) and gets v2 for free; a v2-only route is mapped
 * under v2 alone.
 */
class V2Mappings extends RequestMappingHandlerMapping {

	static final String V1 = ApiPaths.V1;

	static final String V2 = ApiPaths.V2;

	@Override
	protected @Nullable RequestMappingInfo getMappingForMethod(Method method, Class<?> handlerType) {
		RequestMappingInfo info = super.getMappingForMethod(method, handlerType);
		if (info == null) {
			return null;
		}
		Set<String> patterns = info.getPatternValues();
		Set<String> all = ApiPaths.withTwins(patterns);
		return (all.size() == patterns.size()) ? info : info.mutate().paths(all.toArray(String[]::new)).build();
	}

}
