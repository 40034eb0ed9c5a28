package io.costlens.notifications;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.costlens.notifications.MailTemplates.RenderedMail;
import io.costlens.notifications.Notification.Kind;

/** Mail waiting to be sent, and mail that could not be. */
@Repository
class MailRepository {

	private final JdbcClient jdbc;

	MailRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(UUID id, RenderedMail mail, Instant now) {
		this.jdbc.sql("""
				insert into outbound_mail (id, kind, recipient, subject, text_body, html_body, created_at, status)
				values (:id, :kind, :recipient, :subject, :text, :html, :now, 'queued')""")
			.param("id", id)
			.param("kind", mail.kind().key())
			.param("recipient", mail.to())
			.param("subject", mail.subject())
			.param("text", mail.text())
			.param("html", mail.html())
			.param("now", now.atOffset(ZoneOffset.UTC))
			.update();
	}

	/** A queued mail; empty once it was sent or given up. */
	Optional<RenderedMail> findQueued(UUID id) {
		return this.jdbc
			.sql("select kind, recipient, subject, text_body, html_body from outbound_mail "
					+ "where id = :id and status = 'queued'")
			.param("id", id)
			.query((rs, n) -> new RenderedMail(Kind.valueOf(rs.getString("kind").toUpperCase(java.util.Locale.ROOT)),
					rs.getString("recipient"), rs.getString("subject"), rs.getString("text_body"),
					rs.getString("html_body")))
			.optional();
	}

	void delete(UUID id) {
		this.jdbc.sql("delete from outbound_mail where id = :id").param("id", id).update();
	}

	/** Keeps who it was for and why it failed; drops the body, which may hold a link. */
	void markFailed(UUID id, String reason) {
		this.jdbc.sql("""
				update outbound_mail set status = 'failed', failure = :reason, text_body = '', html_body = ''
				where id = :id""")
			.param("id", id)
			.param("reason", (reason.length() > 1000) ? reason.substring(0, 1000) : reason)
			.update();
	}

}
