package io.costlens.dashboard;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.costlens.platform.Caches;

/**
 * Each user's dashboard choices: language, whether the tour was done, single-key
 * shortcuts. Read on every page, so cached until a user saves theirs.
 */
@Repository
class Preferences {

	static final String DATA = "dashboard.preferences";

	private static final TypeReference<Choice> CHOICE = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final Caches caches;

	Preferences(JdbcClient jdbc, Caches caches) {
		this.jdbc = jdbc;
		this.caches = caches;
	}

	Choice of(UUID userId) {
		return this.caches.get(Caches.Level.QUERY, "dashboard-preferences", userId, CHOICE, () -> read(userId), DATA);
	}

	private Choice read(UUID userId) {
		return this.jdbc.sql("select locale, tour_done, shortcuts_enabled from dashboard_preferences where user_id = ?")
			.param(userId)
			.query((rs, n) -> new Choice((rs.getString(1) != null) ? Locale.forLanguageTag(rs.getString(1)) : null,
					rs.getBoolean(2), rs.getBoolean(3)))
			.optional()
			.orElse(Choice.DEFAULT);
	}

	void save(UUID userId, Choice choice) {
		this.jdbc.sql("""
				merge into dashboard_preferences p
				using (select cast(? as uuid) as user_id) v on p.user_id = v.user_id
				when matched then update set locale = ?, tour_done = ?, shortcuts_enabled = ?, updated_at = ?
				when not matched then insert (user_id, locale, tour_done, shortcuts_enabled, updated_at)
				  values (v.user_id, ?, ?, ?, ?)""")
			.params(userId, tag(choice), choice.tourDone(), choice.shortcuts(), Timestamp.from(Instant.now()),
					tag(choice), choice.tourDone(), choice.shortcuts(), Timestamp.from(Instant.now()))
			.update();
		this.caches.changed(DATA);
	}

	private static @Nullable String tag(Choice choice) {
		return (choice.locale() != null) ? choice.locale().toLanguageTag() : null;
	}

	/**
	 * @param locale the chosen language, {@code null} for the browser's
	 * @param tourDone whether the onboarding tour was finished or dismissed
	 * @param shortcuts whether single-key shortcuts are on (WCAG 2.1.4 wants an off
	 * switch)
	 */
	record Choice(@Nullable Locale locale, boolean tourDone, boolean shortcuts) {

		static final Choice DEFAULT = new Choice(null, false, true);

		Choice withLocale(Locale chosen) {
			return new Choice(chosen, this.tourDone, this.shortcuts);
		}

		Choice withTourDone(boolean done) {
			return new Choice(this.locale, done, this.shortcuts);
		}

		Choice withShortcuts(boolean on) {
			return new Choice(this.locale, this.tourDone, on);
		}

	}

}
