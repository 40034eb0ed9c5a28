package io.costlens.notifications;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.costlens.OwnH2Database;
import io.costlens.TestApi;
import io.costlens.TestApi.Response;
import io.costlens.platform.DataDirectory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Mail as users get it: welcome and password-reset mails in the user's language, as plain
 * text and HTML, sent by a job through a real SMTP server (GreenMail), retried when the
 * server is not there, and written to the outbox folder when no server is configured.
 * Each context has a database of its own, so only its own job engine sends its mail.
 */
class MailIntegrationTests {

	static String register(TestApi api, String username, String locale) {
		String body = "{\"username\":\"" + username + "\",\"email\":\"" + username
				+ "@example.com\",\"password\":\"correct-horse-battery\""
				+ ((locale != null) ? ",\"locale\":\"" + locale + "\"" : "") + "}";
		Response created = api.post("/api/v2/auth/register", body).send();
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return username + "@example.com";
	}

	static String username() {
		return "mail-" + UUID.randomUUID().toString().substring(0, 8);
	}

	static String text(MimeMessage message, int part) throws Exception {
		MimeMultipart alternative = (MimeMultipart) message.getContent();
		return alternative.getBodyPart(part).getContent().toString();
	}

	@Nested
	@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
			properties = { "spring.datasource.url=jdbc:h2:mem:mail-smtp" + OwnH2Database.OPTIONS,
					OwnH2Database.NO_SCHEMA, OwnH2Database.USER, "costlens.public-url=https://costlens.example.com/",
					"db-scheduler.polling-interval=250ms" })
	@Import(TestApi.class)
	class ThroughSmtp {

		static final GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

		static {
			smtp.start();
		}

		@DynamicPropertySource
		static void mailServer(DynamicPropertyRegistry registry) {
			registry.add("spring.mail.host", () -> "127.0.0.1");
			registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
		}

		@AfterAll
		static void stopSmtp() {
			smtp.stop();
		}

		@Autowired
		TestApi api;

		@Test
		void welcomesANewUserInItalianAsTextAndHtml() throws Exception {
			String username = username();

			String address = register(this.api, username, "it");

			MimeMessage mail = await().atMost(Duration.ofSeconds(20)).until(() -> to(address), (m) -> m != null);
			assertThat(mail.getSubject()).isEqualTo("Benvenuto in Costlens, " + username);
			assertThat(mail.getContentType()).startsWith("multipart/alternative");
			assertThat(text(mail, 0)).startsWith("Ciao " + username + ",").contains("https://costlens.example.com/ui/");
			assertThat(text(mail, 1)).contains("<html lang=\"it\">")
				.contains("href=\"https://costlens.example.com/ui/\"");
		}

		@Test
		void mailsAResetLinkWhoseTokenSetsANewPassword() throws Exception {
			String username = username();
			String address = register(this.api, username, null);

			Response requested = this.api.post("/api/v2/auth/password-reset", "{\"username\":\"" + username + "\"}")
				.anonymous()
				.send();

			assertThat(requested.status()).isEqualTo(202);
			MimeMessage mail = await().atMost(Duration.ofSeconds(20))
				.until(() -> to(address, "Reset your Costlens password"), (m) -> m != null);
			String text = text(mail, 0);
			assertThat(text).startsWith("Hello " + username + ",").contains("within 60 minutes");
			String token = text.replaceAll("(?s).*https://costlens\\.example\\.com/ui/reset-password\\?token=(\\S+).*",
					"$1");
			assertThat(token).hasSizeGreaterThan(20).doesNotContain(" ");
			Response confirmed = this.api
				.post("/api/v2/auth/password-reset/confirm",
						"{\"token\":\"" + token + "\",\"new_password\":\"new-password-4567\"}")
				.anonymous()
				.send();
			assertThat(confirmed.status()).isEqualTo(204);
		}

		private MimeMessage to(String address) throws Exception {
			return to(address, null);
		}

		private MimeMessage to(String address, String subject) throws Exception {
			for (MimeMessage message : smtp.getReceivedMessages()) {
				boolean forThem = message.getRecipients(Message.RecipientType.TO)[0].toString().equals(address);
				if (forThem && (subject == null || subject.equals(message.getSubject()))) {
					return message;
				}
			}
			return null;
		}

	}

	@Nested
	@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
			properties = { "spring.datasource.url=jdbc:h2:mem:mail-retry" + OwnH2Database.OPTIONS,
					OwnH2Database.NO_SCHEMA, OwnH2Database.USER, "db-scheduler.polling-interval=250ms",
					"costlens.jobs.retry-backoff=1s", "costlens.jobs.retry-multiplier=1.5" })
	@Import(TestApi.class)
	class WhenTheServerRefusesAtFirst {

		static final int port = freePort();

		@DynamicPropertySource
		static void mailServer(DynamicPropertyRegistry registry) {
			registry.add("spring.mail.host", () -> "127.0.0.1");
			registry.add("spring.mail.port", () -> port);
		}

		@Autowired
		TestApi api;

		@Autowired
		JdbcClient jdbc;

		@Test
		void deliversTheMailOnARetry() throws Exception {
			String username = username();
			long started = System.nanoTime();

			String address = register(this.api, username, "en");

			assertThat(Duration.ofNanos(System.nanoTime() - started)).as("the request does not wait for SMTP")
				.isLessThan(Duration.ofSeconds(5));
			await().atMost(Duration.ofSeconds(20)).until(() -> failures() >= 2);
			GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
			smtp.start();
			try {
				await().atMost(Duration.ofSeconds(30)).until(() -> smtp.getReceivedMessages().length == 1);
				MimeMessage mail = smtp.getReceivedMessages()[0];
				assertThat(mail.getRecipients(Message.RecipientType.TO)[0].toString()).isEqualTo(address);
				assertThat(mail.getSubject()).isEqualTo("Welcome to Costlens, " + username);
				await().atMost(Duration.ofSeconds(5))
					.until(() -> this.jdbc.sql("select count(*) from outbound_mail")
						.query(Integer.class)
						.single() == 0);
			}
			finally {
				smtp.stop();
			}
		}

		private int failures() {
			List<Integer> failures = this.jdbc
				.sql("select consecutive_failures from scheduled_tasks where task_name = 'notifications-send-mail'")
				.query(Integer.class)
				.list();
			return failures.isEmpty() ? 0 : failures.get(0);
		}

		private static int freePort() {
			try (ServerSocket socket = new ServerSocket(0)) {
				return socket.getLocalPort();
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

	@Nested
	@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
			properties = { "spring.datasource.url=jdbc:h2:mem:mail-outbox" + OwnH2Database.OPTIONS,
					OwnH2Database.NO_SCHEMA, OwnH2Database.USER, "db-scheduler.polling-interval=250ms",
					"costlens.data-dir=${java.io.tmpdir}/costlens-outbox-${random.uuid}" })
	@Import(TestApi.class)
	@ExtendWith(OutputCaptureExtension.class)
	class WithoutSmtp {

		@Autowired
		TestApi api;

		@Autowired
		DataDirectory dataDirectory;

		@Test
		void writesEachMailAsAnOwnerOnlyEmlFileAndLogsOnlyItsName(CapturedOutput output) throws Exception {
			String username = username();
			register(this.api, username, "en");

			this.api.post("/api/v2/auth/password-reset", "{\"username\":\"" + username + "\"}").anonymous().send();

			Path outbox = this.dataDirectory.resolve("outbox");
			Path file = await().atMost(Duration.ofSeconds(20))
				.until(() -> eml(outbox, "password_reset"), (f) -> f != null);
			assertThat(Files.getPosixFilePermissions(outbox)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
			assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
			MimeMessage mail;
			try (InputStream in = Files.newInputStream(file)) {
				mail = new MimeMessage(Session.getInstance(new Properties()), in);
			}
			assertThat(mail.getSubject()).isEqualTo("Reset your Costlens password");
			assertThat(mail.getRecipients(Message.RecipientType.TO)[0].toString()).isEqualTo(username + "@example.com");
			assertThat(mail.getHeader("Message-ID")).isNotNull();
			String token = text(mail, 0).replaceAll("(?s).*reset-password\\?token=(\\S+).*", "$1");
			await().atMost(Duration.ofSeconds(5)).until(() -> output.getOut().contains(file.getFileName().toString()));
			assertThat(output.getOut()).doesNotContain(token).doesNotContain("reset-password?token");
		}

		private static Path eml(Path outbox, String kind) throws IOException {
			if (!Files.isDirectory(outbox)) {
				return null;
			}
			try (Stream<Path> files = Files.list(outbox)) {
				return files.filter((f) -> f.getFileName().toString().contains("-" + kind + "-"))
					.findFirst()
					.orElse(null);
			}
		}

	}

}
