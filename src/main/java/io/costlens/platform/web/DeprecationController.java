package io.costlens.platform.web;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import io.costlens.platform.ApiPaths;

/**
 * The migration guide from API v1 to v2, built from the routes the application serves.
 */
@RestController
@Tag(name = "API versions", description = "The v1 to v2 migration guide")
class DeprecationController {

	private final RequestMappingHandlerMapping mappings;

	private final ApiProperties properties;

	DeprecationController(@Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings,
			ApiProperties properties) {
		this.mappings = mappings;
		this.properties = properties;
	}

	@GetMapping(DeprecationHeaders.GUIDE)
	@Operation(summary = "How to move from /api/v1 to /api/v2: dates, and each v1 route with its v2 route")
	Guide guide() {
		List<Route> routes = this.mappings.getHandlerMethods()
			.keySet()
			.stream()
			.flatMap((info) -> routesOf(info).stream())
			.distinct()
			.sorted(Comparator.comparing(Route::v1).thenComparing(Route::method))
			.toList();
		List<Route> unversioned = this.mappings.getHandlerMethods()
			.keySet()
			.stream()
			.flatMap((info) -> unversionedOf(info).stream())
			.distinct()
			.sorted(Comparator.comparing(Route::v1).thenComparing(Route::method))
			.toList();
		return new Guide("v1", "v2", this.properties.v1DeprecatedSince(), this.properties.v1Sunset(),
				this.properties.v1AfterSunset(),
				"Every v1 route answers unchanged under /api/v2 with the same request and response bodies; "
						+ "v2 adds bulk scenario create and delete, search and a metrics summary. "
						+ "v2 responses carry no Deprecation, Sunset or Link headers. "
						+ "The routes the original services had without a version (provider keys and usage, "
						+ "DevLens) keep answering there, not deprecated, and answer under /api/v2 as well: "
						+ "they are listed under unversioned, with v1 naming the unversioned path.",
				routes, unversioned);
	}

	private static List<Route> unversionedOf(RequestMappingInfo info) {
		List<String> methods = methodsOf(info);
		return info.getPatternValues()
			.stream()
			.filter(ApiPaths::isUnversioned)
			.flatMap((p) -> methods.stream().map((m) -> new Route(m, p, ApiPaths.v2Of(p))))
			.toList();
	}

	private static List<String> methodsOf(RequestMappingInfo info) {
		List<String> methods = info.getMethodsCondition().getMethods().stream().map(Enum::name).sorted().toList();
		return methods.isEmpty() ? List.of("ANY") : methods;
	}

	private static List<Route> routesOf(RequestMappingInfo info) {
		List<String> methods = methodsOf(info);
		return info.getPatternValues()
			.stream()
			.filter((p) -> p.startsWith(V2Mappings.V1))
			.flatMap((p) -> methods.stream()
				.map((m) -> new Route(m, p, V2Mappings.V2 + p.substring(V2Mappings.V1.length()))))
			.toList();
	}

	/**
	 * The guide.
	 *
	 * @param deprecated the deprecated version
	 * @param successor the version to use
	 * @param deprecatedSince when v1 was deprecated
	 * @param sunset the last day v1 is promised to work
	 * @param v1AfterSunset whether v1 keeps answering after the sunset on this
	 * installation
	 * @param notes what changes
	 * @param routes each v1 route and its v2 route
	 * @param unversioned each route the original services had without a version (not
	 * deprecated), and its v2 route
	 */
	record Guide(String deprecated, String successor, LocalDate deprecatedSince, LocalDate sunset,
			boolean v1AfterSunset, String notes, List<Route> routes, List<Route> unversioned) {

	}

	/**
	 * One route.
	 *
	 * @param method the HTTP method
	 * @param v1 the v1 path
	 * @param v2 the same route under v2
	 */
	record Route(String method, String v1, String v2) {

	}

}
