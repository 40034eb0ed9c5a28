package io.costlens.platform;

import java.util.function.Supplier;

import tools.jackson.core.type.TypeReference;

/**
 * Cached reads on Spring's cache abstraction (Caffeine in the JVM, or Redis when it is
 * configured, so every instance shares one cache). A module names the cache, the key and
 * the data sets an entry is computed from; a write calls {@link #changed} for what it
 * changed, and every entry computed from that data set is a miss from then on, on every
 * instance (each entry's key carries the generation of its data sets). A request with
 * {@code ?refresh=true} skips the lookup, computes afresh and stores the result.
 */
public interface Caches {

	/**
	 * Reads through a cache.
	 * @param level how long entries live
	 * @param cache the cache's name within the level, e.g. {@code scenario-metrics}
	 * @param key what identifies the entry within the cache (its {@code toString})
	 * @param type the entry's type (a record, or a type reference for generic ones)
	 * @param loader computes the entry on a miss
	 * @param dataSets what the entry is computed from, as named to {@link #changed}
	 * @return the entry
	 */
	<T> T get(Level level, String cache, Object key, TypeReference<T> type, Supplier<T> loader, String... dataSets);

	/**
	 * {@link #get} for an entry that depends on who asks: the key also carries the
	 * caller's user id and role, so no entry is ever served to another caller.
	 */
	<T> T getForCaller(Level level, String cache, Object key, TypeReference<T> type, Supplier<T> loader,
			String... dataSets);

	/** Marks a data set changed: every entry computed from it is stale from now on. */
	void changed(String dataSet);

	/**
	 * The current generations of these data sets as one string, for a cache kept outside
	 * this abstraction (such as rendered pages in the JVM): part of its keys, it moves on
	 * whenever one of them is {@link #changed}, on every instance. {@code null} when
	 * nothing may be cached (caching is off, or the store fails).
	 */
	default @org.jspecify.annotations.Nullable String generations(String... dataSets) {
		return null;
	}

	/**
	 * No cache: every read computes afresh (for a module tested on its own, without the
	 * platform's beans).
	 */
	static Caches none() {
		return new Caches() {

			@Override
			public <T> T get(Level level, String cache, Object key, TypeReference<T> type, Supplier<T> loader,
					String... dataSets) {
				return loader.get();
			}

			@Override
			public <T> T getForCaller(Level level, String cache, Object key, TypeReference<T> type, Supplier<T> loader,
					String... dataSets) {
				return loader.get();
			}

			@Override
			public void changed(String dataSet) {
			}

		};
	}

	/** How long a cache's entries live ({@code costlens.cache.*-ttl}). */
	enum Level {

		/** Query results: 5 minutes by default. */
		QUERY,

		/** Reports: 1 hour by default. */
		REPORT,

		/** Prices: 24 hours by default. */
		PRICE;

		/** The prefix of the level's cache names, e.g. {@code query}. */
		public String prefix() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

	}

}
