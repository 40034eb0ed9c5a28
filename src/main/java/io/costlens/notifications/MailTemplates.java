package io.costlens.notifications;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

import io.costlens.notifications.Notification.Kind;

/**
 * Turns a notification into its subject, plain text and HTML, in Italian for users whose
 * locale is Italian and in English otherwise. Links start at {@code costlens.public-url}.
 */
@Component
class MailTemplates {

	private static final Locale ITALIAN = Locale.ITALIAN;

	private final String publicUrl;

	MailTemplates(@Value("${costlens.public-url}") URI publicUrl) {
		this.publicUrl = publicUrl.toString().replaceAll("/+$", "");
	}

	RenderedMail render(Notification notification) {
		ResourceBundle texts = ResourceBundle.getBundle("notifications/mail", language(notification.locale()),
				ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
		String kind = notification.kind().key();
		Map<String, String> values = readable(notification.values(), language(notification.locale()));
		String subject = fill(texts.getString(kind + ".subject"), values);
		String greeting = fill(texts.getString(kind + ".greeting"), values);
		String body = fill(texts.getString(kind + ".body"), values);
		String action = texts.getString(kind + ".action");
		String footer = fill(texts.getString(kind + ".footer"), values);
		String signature = texts.getString("signature");
		String link = link(notification.kind(), notification.values());
		String text = greeting + "\n\n" + body + "\n\n" + action + ":\n" + link + "\n\n" + footer + "\n\n-- \n"
				+ signature + "\n";
		String html = """
				<!DOCTYPE html>
				<html lang="%s"><head><meta charset="UTF-8"><title>%s</title></head>
				<body style="font-family: Helvetica, Arial, sans-serif; color: #1f2933; line-height: 1.5">
				<p>%s</p>
				<p>%s</p>
				<p><a href="%s" style="display: inline-block; padding: 8px 16px; background: #1f6feb; color: #ffffff; \
				text-decoration: none; border-radius: 4px">%s</a></p>
				<p style="color: #616e7c; font-size: 90%%">%s</p>
				<p style="color: #616e7c">%s</p>
				</body></html>
				""".formatted(language(notification.locale()).getLanguage(), escape(subject), escape(greeting),
				escape(body), escape(link), escape(action), escape(footer), escape(signature));
		return new RenderedMail(notification.kind(), notification.to(), subject, text, html);
	}

	private String link(Kind kind, Map<String, String> values) {
		return switch (kind) {
			case WELCOME -> this.publicUrl + "/ui/";
			case PASSWORD_RESET -> this.publicUrl + "/ui/reset-password?token=" + encode(values.get("token"));
			case REPORT_READY -> this.publicUrl + "/api/v2/reports/" + encode(values.get("report_id")) + "/download";
		};
	}

	private static Locale language(Locale locale) {
		return ITALIAN.getLanguage().equals(locale.getLanguage()) ? ITALIAN : Locale.ENGLISH;
	}

	/** Times ({@code *_at} values) as a reader of the language writes them, in UTC. */
	private static Map<String, String> readable(Map<String, String> values, Locale language) {
		DateTimeFormatter format = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", language)
			.withZone(ZoneOffset.UTC);
		Map<String, String> shown = new LinkedHashMap<>(values);
		values.forEach((name, value) -> {
			if (name.endsWith("_at")) {
				shown.put(name, format.format(Instant.parse(value)));
			}
		});
		return shown;
	}

	private static String fill(String template, Map<String, String> values) {
		String result = template;
		for (Map.Entry<String, String> value : values.entrySet()) {
			result = result.replace("{" + value.getKey() + "}", value.getValue());
		}
		return result;
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static String escape(String value) {
		return HtmlUtils.htmlEscape(value, StandardCharsets.UTF_8.name());
	}

	/**
	 * A mail ready to send.
	 *
	 * @param kind which mail
	 * @param to the recipient
	 * @param subject the subject line
	 * @param text the plain-text part
	 * @param html the HTML part
	 */
	record RenderedMail(Kind kind, String to, String subject, String text, String html) {

	}

}
