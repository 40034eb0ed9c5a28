package io.costlens.notifications;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * One mail to one user, in the user's language. The notifications module renders it as
 * plain text and HTML from its templates.
 *
 * @param to the recipient's email address
 * @param locale the language: Italian for {@code it}, English otherwise
 * @param kind which mail it is
 * @param values what the template fills in
 */
public record Notification(String to, Locale locale, Kind kind, Map<String, String> values) {

	public Notification {
		values = Map.copyOf(values);
	}

	/** The mail a new user gets. */
	public static Notification welcome(String to, Locale locale, String username) {
		return new Notification(to, locale, Kind.WELCOME, Map.of("username", username));
	}

	/** A password-reset link carrying a one-time token, valid for {@code ttl}. */
	public static Notification passwordReset(String to, Locale locale, String username, String token, Duration ttl) {
		return new Notification(to, locale, Kind.PASSWORD_RESET,
				Map.of("username", username, "token", token, "minutes", Long.toString(ttl.toMinutes())));
	}

	/** A report is ready to download until {@code expiresAt}. */
	public static Notification reportReady(String to, Locale locale, String username, String scenario, String format,
			String reportId, Instant expiresAt) {
		return new Notification(to, locale, Kind.REPORT_READY, Map.of("username", username, "scenario", scenario,
				"format", format, "report_id", reportId, "expires_at", expiresAt.toString()));
	}

	/** The mails Costlens sends. */
	public enum Kind {

		/** After registration. */
		WELCOME,

		/** A password-reset link. */
		PASSWORD_RESET,

		/** A requested report has been generated. */
		REPORT_READY;

		/** The name in templates, files and logs, e.g. {@code password_reset}. */
		public String key() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

}
