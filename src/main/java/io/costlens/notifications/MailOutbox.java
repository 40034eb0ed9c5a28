package io.costlens.notifications;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.github.kagkarlsson.scheduler.task.helper.CustomTask;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.annotation.Transactional;

import io.costlens.notifications.MailTemplates.RenderedMail;
import io.costlens.platform.Jobs;

/**
 * Queues mail in the database with the caller's transaction and sends it from a job,
 * {@code costlens.notifications.max-per-minute} a minute at most, retried with backoff
 * when the server fails.
 */
@Configuration(proxyBeanMethods = false)
class MailOutbox {

	static final String TASK = "notifications-send-mail";

	@Bean
	CustomTask<String> mailDeliveryTask(Jobs jobs, MailRepository mails, MailDelivery delivery,
			NotificationsProperties properties) {
		return jobs.oneTime(TASK, String.class)
			.perMinute(properties.maxPerMinute())
			.onGiveUp((id, reason) -> mails.markFailed(UUID.fromString(id), reason))
			.execute((id) -> {
				UUID mailId = UUID.fromString(id);
				Optional<RenderedMail> mail = mails.findQueued(mailId);
				if (mail.isEmpty()) {
					return Map.of("sent", 0);
				}
				return send(mailId, mail.get(), mails, delivery);
			});
	}

	@Bean
	Notifications notifications(MailTemplates templates, MailRepository mails, Jobs jobs,
			@Qualifier("mailDeliveryTask") CustomTask<String> task) {
		return new Queue(templates, mails, jobs, task);
	}

	private static Map<String, ?> send(UUID id, RenderedMail mail, MailRepository mails, MailDelivery delivery)
			throws Exception {
		String via = delivery.deliver(id, mail);
		mails.delete(id);
		return Map.of("sent", 1, "kind", mail.kind().key(), "via", via);
	}

	/** Renders and queues each notification. */
	static class Queue implements Notifications {

		private final MailTemplates templates;

		private final MailRepository mails;

		private final Jobs jobs;

		private final CustomTask<String> task;

		Queue(MailTemplates templates, MailRepository mails, Jobs jobs, CustomTask<String> task) {
			this.templates = templates;
			this.mails = mails;
			this.jobs = jobs;
			this.task = task;
		}

		@Override
		@Transactional
		public void send(Notification notification) {
			UUID id = UUID.randomUUID();
			this.mails.insert(id, this.templates.render(notification), Instant.now());
			this.jobs.enqueue(this.task, id.toString(), id.toString());
		}

	}

}
