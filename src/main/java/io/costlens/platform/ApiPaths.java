package io.costlens.platform;

import java.util.LinkedHashSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Where each API route answers under v2. A route mapped under {@code /api/v1/…} and a
 * route the seeds left unversioned ({@code /api/keys}, {@code /api/sessions}, …) answer
 * at {@code /api/v2/…} too, from the same handler; the routing, the access rules, body
 * limits and rate-limit exemptions all apply this one rule.
 */
public final class ApiPaths {

	/** The deprecated version's prefix. */
	public static final String V1 = "/api/v1/";

	/** The current version's prefix. */
	public static final String V2 = "/api/v2/";

	private static final String API = "/api/";

	/** Platform paths under {@code /api} that are about versions, not resources. */
	private static final String GUIDE = "/api/deprecation";

	private ApiPaths() {
	}

	/**
	 * The v2 twin of a path or Ant pattern: {@code /api/v1/x} and an unversioned
	 * {@code /api/x} both become {@code /api/v2/x}.
	 * @param path a path or pattern
	 * @return its twin, or {@code null} when it is already v2 or not an API route
	 */
	public static @Nullable String v2Of(String path) {
		if (path.startsWith(V1)) {
			return V2 + path.substring(V1.length());
		}
		if (isUnversioned(path)) {
			return V2 + path.substring(API.length());
		}
		return null;
	}

	/** Whether the path is an API route the seeds left without a version. */
	public static boolean isUnversioned(String path) {
		return path.startsWith(API) && !path.startsWith(V1) && !path.startsWith(V2) && !path.startsWith(GUIDE)
				&& !path.startsWith("/api/*") && !path.equals("/api/v1") && !path.equals("/api/v2");
	}

	/** The patterns together with their v2 twins. */
	public static Set<String> withTwins(Set<String> patterns) {
		Set<String> all = new LinkedHashSet<>(patterns);
		for (String pattern : patterns) {
			String twin = v2Of(pattern);
			if (twin != null) {
				all.add(twin);
			}
		}
		return all;
	}

}
