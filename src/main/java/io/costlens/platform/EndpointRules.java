package io.costlens.platform;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a module tells the platform about its own HTTP paths (Ant patterns): which answer
 * without a credential, which need one, which any signed-in role may write, which only
 * admins may call, which are never rate-limited and which take larger bodies. Each module
 * declares one bean of this type in its own package; the platform combines them and never
 * names a feature's path. A v1 or unversioned {@code /api} path covers its v2 twin too
 * ({@link ApiPaths}).
 *
 * @param open paths that answer without a credential, even under a secured prefix
 * @param secured paths outside {@code /api/**} that need a credential (reads for every
 * role, writes for admins and members)
 * @param selfService paths any signed-in role may write (a caller's own account)
 * @param unlimited paths that are never rate-limited
 * @param bodies paths whose request body may exceed the default limit, with their size
 * @param adminOnly paths only admins may call, reads included (anonymous callers get 401,
 * other roles 403)
 * @param queryTokens paths that also take the credential as an {@code access_token} query
 * parameter, for browser WebSocket handshakes, which cannot set headers
 */
public record EndpointRules(Set<String> open, Set<String> secured, Set<String> selfService, Set<String> unlimited,
		Map<String, BodySize> bodies, Set<String> adminOnly, Set<String> queryTokens) {

	public EndpointRules {
		open = Set.copyOf(ApiPaths.withTwins(open));
		secured = Set.copyOf(ApiPaths.withTwins(secured));
		selfService = Set.copyOf(ApiPaths.withTwins(selfService));
		unlimited = Set.copyOf(ApiPaths.withTwins(unlimited));
		bodies = withTwins(bodies);
		adminOnly = Set.copyOf(ApiPaths.withTwins(adminOnly));
		queryTokens = Set.copyOf(ApiPaths.withTwins(queryTokens));
	}

	private static Map<String, BodySize> withTwins(Map<String, BodySize> bodies) {
		Map<String, BodySize> all = new LinkedHashMap<>(bodies);
		bodies.forEach((path, size) -> {
			String twin = ApiPaths.v2Of(path);
			if (twin != null) {
				all.putIfAbsent(twin, size);
			}
		});
		return Map.copyOf(all);
	}

	public static Builder builder() {
		return new Builder();
	}

	/** The body limit classes of {@code costlens.limits}. */
	public enum BodySize {

		/** A body carrying one message of up to 1 MiB ({@code message-body-size}). */
		MESSAGE,

		/** A batch or import body ({@code batch-body-size}). */
		BATCH

	}

	/** Collects a module's rules. */
	public static final class Builder {

		private final Set<String> open = new LinkedHashSet<>();

		private final Set<String> secured = new LinkedHashSet<>();

		private final Set<String> selfService = new LinkedHashSet<>();

		private final Set<String> unlimited = new LinkedHashSet<>();

		private final Map<String, BodySize> bodies = new LinkedHashMap<>();

		private final Set<String> adminOnly = new LinkedHashSet<>();

		private final Set<String> queryTokens = new LinkedHashSet<>();

		private Builder() {
		}

		public Builder open(String... paths) {
			this.open.addAll(List.of(paths));
			return this;
		}

		public Builder secured(String... paths) {
			this.secured.addAll(List.of(paths));
			return this;
		}

		public Builder selfService(String... paths) {
			this.selfService.addAll(List.of(paths));
			return this;
		}

		public Builder unlimited(String... paths) {
			this.unlimited.addAll(List.of(paths));
			return this;
		}

		public Builder body(BodySize size, String... paths) {
			for (String path : paths) {
				this.bodies.put(path, size);
			}
			return this;
		}

		public Builder adminOnly(String... paths) {
			this.adminOnly.addAll(List.of(paths));
			return this;
		}

		/** Paths whose credential may also come as {@code ?access_token=}. */
		public Builder queryToken(String... paths) {
			this.queryTokens.addAll(List.of(paths));
			return this;
		}

		public EndpointRules build() {
			return new EndpointRules(this.open, this.secured, this.selfService, this.unlimited, this.bodies,
					this.adminOnly, this.queryTokens);
		}

	}

}
