package io.costlens.accounts;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.costlens.platform.TooManyRequests;

/**
 * Counts failed logins per username and per client IP in the database, so the limits hold
 * across instances, and refuses further attempts while either count is at its limit
 * within the sliding window.
 */
@Component
class LoginThrottle {

	private final JdbcClient jdbc;

	private final AuthProperties properties;

	LoginThrottle(JdbcClient jdbc, AuthProperties properties) {
		this.jdbc = jdbc;
		this.properties = properties;
	}

	/** Throws {@link TooManyRequests} while the username or the IP is locked out. */
	void check(String username, String clientIp) {
		check(userKey(username), this.properties.maxLoginFailuresPerUser());
		check(ipKey(clientIp), this.properties.maxLoginFailuresPerIp());
	}

	void failed(String username, String clientIp) {
		this.jdbc.sql("delete from login_failures where occurred_at < :cutoff")
			.param("cutoff", OffsetDateTime.now(ZoneOffset.UTC).minus(this.properties.loginFailureWindow()))
			.update();
		insert(userKey(username));
		insert(ipKey(clientIp));
	}

	void succeeded(String username) {
		this.jdbc.sql("delete from login_failures where subject = :subject")
			.param("subject", userKey(username))
			.update();
	}

	private void check(String subject, int max) {
		Duration window = this.properties.loginFailureWindow();
		var since = OffsetDateTime.now(ZoneOffset.UTC).minus(window);
		var failures = this.jdbc
			.sql("select occurred_at from login_failures where subject = :subject and occurred_at > :since "
					+ "order by occurred_at desc limit :max")
			.param("subject", subject)
			.param("since", since)
			.param("max", max)
			.query(OffsetDateTime.class)
			.list();
		if (failures.size() >= max) {
			Instant freeAt = failures.get(failures.size() - 1).toInstant().plus(window);
			long retryAfter = Duration.between(Instant.now(), freeAt).toSeconds() + 1;
			throw new TooManyRequests("Too many failed logins: try again later", retryAfter);
		}
	}

	private void insert(String subject) {
		this.jdbc.sql("insert into login_failures (id, subject, occurred_at) values (:id, :subject, :now)")
			.param("id", UUID.randomUUID())
			.param("subject", subject)
			.param("now", OffsetDateTime.now(ZoneOffset.UTC))
			.update();
	}

	private static String userKey(String username) {
		String name = username.toLowerCase(Locale.ROOT);
		return "user:" + ((name.length() > 150) ? name.substring(0, 150) : name);
	}

	private static String ipKey(String clientIp) {
		return "ip:" + clientIp;
	}

}
