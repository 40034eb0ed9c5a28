package io.costlens.dashboard;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import io.costlens.platform.DataDirectory;

import static org.awaitility.Awaitility.await;

/**
 * The password-reset mail a user got, read from the outbox folder the tests' contexts
 * write mail to (no SMTP server is configured): its link, as path and query, since the
 * tests' public URL names no real port.
 */
final class ResetMail {

	private static final Pattern LINK = Pattern.compile("https?://\\S+?(/ui/reset-password\\?token=[^\\s\"<>]+)");

	private ResetMail() {
	}

	/**
	 * Waits (the mail job polls every few seconds) for the newest reset mail to the
	 * address.
	 */
	static String link(DataDirectory data, String to) {
		Path outbox = data.resolve("outbox");
		return await().atMost(Duration.ofSeconds(45))
			.pollInterval(Duration.ofMillis(250))
			.ignoreExceptions()
			.until(() -> find(outbox, to), Optional::isPresent)
			.orElseThrow();
	}

	/** How many reset mails the address has got so far. */
	static long count(DataDirectory data, String to) {
		return mails(data.resolve("outbox"), to).size();
	}

	private static Optional<String> find(Path outbox, String to) throws IOException, MessagingException {
		List<MimeMessage> mails = mails(outbox, to);
		if (mails.isEmpty()) {
			return Optional.empty();
		}
		MimeMultipart parts = (MimeMultipart) mails.getLast().getContent();
		Matcher link = LINK.matcher(parts.getBodyPart(0).getContent().toString());
		return link.find() ? Optional.of(URI.create(link.group(1)).toString()) : Optional.empty();
	}

	/** The reset mails to the address, oldest first (file names start with the time). */
	private static List<MimeMessage> mails(Path outbox, String to) {
		if (!Files.isDirectory(outbox)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(outbox)) {
			return files.filter((f) -> f.getFileName().toString().contains("-password_reset-"))
				.sorted()
				.map(ResetMail::read)
				.filter((m) -> isTo(m, to))
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static MimeMessage read(Path file) {
		try (InputStream in = Files.newInputStream(file)) {
			return new MimeMessage(Session.getInstance(new Properties()), in);
		}
		catch (IOException | MessagingException ex) {
			throw new IllegalStateException(file.toString(), ex);
		}
	}

	private static boolean isTo(MimeMessage mail, String to) {
		try {
			return mail.getRecipients(Message.RecipientType.TO)[0].toString().equalsIgnoreCase(to);
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
