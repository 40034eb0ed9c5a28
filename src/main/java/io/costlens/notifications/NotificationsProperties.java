package io.costlens.notifications;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How mail is sent. The SMTP server itself is Spring's {@code spring.mail.*}.
 *
 * @param from the sender of every mail
 * @param maxPerMinute most mails sent a minute, on all instances together; the rest wait
 * in the queue
 */
@ConfigurationProperties("costlens.notifications")
record NotificationsProperties(@DefaultValue("Costlens <costlens@localhost>") String from,
		@DefaultValue("100") int maxPerMinute) {

}
