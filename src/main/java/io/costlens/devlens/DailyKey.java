package io.costlens.devlens;

import java.time.LocalDate;
import java.util.Comparator;

import org.jspecify.annotations.Nullable;

/**
 * One roll-up row: a UTC day, developer, repository and model ({@code ""} stands for a
 * missing developer or model).
 */
record DailyKey(LocalDate eventDate, String developerId, String repoSlug,
		String model) implements Comparable<DailyKey> {

	private static final Comparator<DailyKey> ORDER = Comparator.comparing(DailyKey::eventDate)
		.thenComparing(DailyKey::developerId)
		.thenComparing(DailyKey::repoSlug)
		.thenComparing(DailyKey::model);

	static DailyKey of(Session session) {
		CanonicalTrace trace = session.trace();
		return new DailyKey(session.eventDate(), orEmpty(trace.developerId()), trace.repoSlug(),
				orEmpty(trace.model()));
	}

	static String orEmpty(@Nullable String value) {
		return (value != null) ? value : "";
	}

	static @Nullable String orNull(String value) {
		return value.isEmpty() ? null : value;
	}

	@Override
	public int compareTo(DailyKey other) {
		return ORDER.compare(this, other);
	}

}
