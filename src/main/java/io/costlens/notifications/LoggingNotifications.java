package io.costlens.notifications;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/** Writes every message to the log, for installations without mail delivery. */
@Component
class LoggingNotifications implements Notifications {

	private static final Logger log = LoggerFactory.getLogger(LoggingNotifications.class);

	@Override
	public void send(Notification notification) {
		log.info("Notification ({}) to {}: {}\n{}", notification.kind(), notification.to(), notification.subject(),
				notification.body());
	}

}
