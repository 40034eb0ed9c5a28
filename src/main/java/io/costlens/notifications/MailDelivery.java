package io.costlens.notifications;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Properties;
import java.util.UUID;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

import io.costlens.notifications.MailTemplates.RenderedMail;
import io.costlens.platform.DataDirectory;

/**
 * Sends one mail: through the SMTP server of {@code spring.mail.*} when there is one,
 * else as an RFC 5322 {@code .eml} file in {@code <data-dir>/outbox/}, readable by the
 * owner only. The log names the file, never what is in it.
 */
@Component
class MailDelivery {

	private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);

	private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
		.withZone(ZoneOffset.UTC);

	private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

	private final ObjectProvider<JavaMailSender> smtp;

	private final DataDirectory dataDirectory;

	private final NotificationsProperties properties;

	MailDelivery(ObjectProvider<JavaMailSender> smtp, DataDirectory dataDirectory, NotificationsProperties properties) {
		this.smtp = smtp;
		this.dataDirectory = dataDirectory;
		this.properties = properties;
	}

	/** Sends the mail; a failure of the server is thrown, so that the job retries. */
	String deliver(UUID id, RenderedMail mail) throws MessagingException, IOException {
		JavaMailSender sender = this.smtp.getIfAvailable();
		MimeMessage message = (sender != null) ? sender.createMimeMessage()
				: new MimeMessage(Session.getInstance(new Properties()));
		compose(message, mail);
		if (sender != null) {
			sender.send(message);
			log.info("Mail ({}) {} sent to {} over SMTP", mail.kind().key(), id, mail.to());
			return "smtp";
		}
		Path file = write(id, mail, message);
		log.info("Mail ({}) to {} written to {} (no SMTP server configured: spring.mail.host)", mail.kind().key(),
				mail.to(), file);
		return "outbox";
	}

	/** A multipart/alternative message: the plain text first, then the HTML. */
	private void compose(MimeMessage message, RenderedMail mail) throws MessagingException {
		MimeBodyPart text = new MimeBodyPart();
		text.setText(mail.text(), "UTF-8", "plain");
		MimeBodyPart html = new MimeBodyPart();
		html.setText(mail.html(), "UTF-8", "html");
		MimeMultipart alternative = new MimeMultipart("alternative");
		alternative.addBodyPart(text);
		alternative.addBodyPart(html);
		message.setFrom(new InternetAddress(this.properties.from()));
		message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(mail.to()));
		message.setSubject(mail.subject(), "UTF-8");
		message.setSentDate(Date.from(Instant.now()));
		message.setContent(alternative);
	}

	private Path write(UUID id, RenderedMail mail, MimeMessage message) throws MessagingException, IOException {
		Path outbox = this.dataDirectory.resolve("outbox");
		if (!Files.isDirectory(outbox)) {
			Files.createDirectories(outbox);
			if (POSIX) {
				Files.setPosixFilePermissions(outbox, PosixFilePermissions.fromString("rwx------"));
			}
		}
		Path file = outbox.resolve(FILE_TIME.format(Instant.now()) + "-" + mail.kind().key() + "-" + id + ".eml");
		// written under a temporary name and moved into place, so that whoever reads
		// the outbox never sees a message half written
		Path partial = POSIX
				? Files.createTempFile(outbox, ".mail-", ".part",
						PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
				: Files.createTempFile(outbox, ".mail-", ".part");
		try {
			message.saveChanges();
			try (OutputStream out = Files.newOutputStream(partial)) {
				message.writeTo(out);
			}
			Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		finally {
			Files.deleteIfExists(partial);
		}
		return file;
	}

}
