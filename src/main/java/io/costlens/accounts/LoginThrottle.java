package io.costlens.accounts;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.costlens.accounts.AccountsProperties.Throttle;
import io.costlens.platform.TooManyRequests;

import static io.costlens.platform.DatabaseTime.instant;
import static io.costlens.platform.DatabaseTime.utc;

/**
 * Slows password guessing with a growing delay per username and per client IP, never a
 * lock: after the free failures each further failure doubles the wait before the next
 * attempt is looked at (up to a cap), and an attempt during the wait is answered 429 with
 * {@code Retry-After} without checking the password. Once the wait is over the right
 * password works, so nobody can keep an account's owner out for longer than the cap.
 * <p>
 * The counts live in the database, so they hold across instances. An attempt takes its
 * turn atomically (a compare-and-set on the row) and counts as a failure until it
 * succeeds, so parallel guesses cannot slip in while one is being checked. Failures are
 * forgotten after a quiet spell ({@code forget-after}).
 */
@Component
class LoginThrottle {

	private static final int TRIES = 5;

	private final JdbcClient jdbc;

	private final Throttle settings;

	LoginThrottle(JdbcClient jdbc, AccountsProperties properties) {
		this.jdbc = jdbc;
		this.settings = properties.loginThrottle();
	}

	/**
	 * Takes the username's and the IP's turn for one password check, counted as a failure
	 * until {@link #succeeded} says otherwise; throws {@link TooManyRequests} while
	 * either waits.
	 */
	void attempt(String username, String clientIp) {
		Instant now = Instant.now();
		Subject user = new Subject(userKey(username), this.settings.freeFailuresPerUser(),
				this.settings.maxDelayPerUser());
		Subject ip = new Subject(ipKey(clientIp), this.settings.freeFailuresPerIp(), this.settings.maxDelayPerIp());
		refuseWhileWaiting(user, now);
		refuseWhileWaiting(ip, now);
		take(user, now);
		take(ip, now);
	}

	/**
	 * The password was wrong: the waits of the username and the IP run from now, when the
	 * check (which takes a while, bcrypt being slow on purpose) has ended, not from when
	 * the attempt took its turn.
	 */
	void failed(String username, String clientIp) {
		Instant now = Instant.now();
		restart(new Subject(userKey(username), this.settings.freeFailuresPerUser(), this.settings.maxDelayPerUser()),
				now);
		restart(new Subject(ipKey(clientIp), this.settings.freeFailuresPerIp(), this.settings.maxDelayPerIp()), now);
	}

	/**
	 * The password was right: the username's failures are forgotten and the IP's turn no
	 * longer counts against it.
	 */
	void succeeded(String username, String clientIp) {
		this.jdbc.sql("delete from login_delays where subject = :subject").param("subject", userKey(username)).update();
		this.jdbc.sql("""
				update login_delays set failures = failures - 1, next_attempt_at = last_failure_at
				where subject = :subject and failures > 0""").param("subject", ipKey(clientIp)).update();
	}

	/** Deletes the rows of subjects quiet for longer than {@code forget-after}. */
	int forgetQuiet(Instant now) {
		return this.jdbc.sql("delete from login_delays where last_failure_at < :cutoff and next_attempt_at < :now")
			.param("cutoff", utc(now.minus(this.settings.forgetAfter())))
			.param("now", utc(now))
			.update();
	}

	/** The wait after {@code failures} failures in a row. */
	Duration delayAfter(int failures, Subject subject) {
		int over = failures - subject.free();
		if (over <= 0) {
			return Duration.ZERO;
		}
		Duration cap = subject.maxDelay();
		Duration delay = this.settings.firstDelay();
		for (int i = 1; i < over && delay.compareTo(cap) < 0; i++) {
			delay = delay.multipliedBy(2);
		}
		return (delay.compareTo(cap) > 0) ? cap : delay;
	}

	private void restart(Subject subject, Instant now) {
		find(subject.key()).ifPresent((row) -> {
			Instant next = now.plus(delayAfter(row.failures(), subject));
			if (next.isAfter(row.nextAttemptAt())) {
				this.jdbc.sql("""
						update login_delays set next_attempt_at = :next
						where subject = :subject and next_attempt_at < :next""")
					.param("next", utc(next))
					.param("subject", subject.key())
					.update();
			}
		});
	}

	private void refuseWhileWaiting(Subject subject, Instant now) {
		find(subject.key()).ifPresent((row) -> {
			if (!row.forgotten(now, this.settings.forgetAfter()) && row.nextAttemptAt().isAfter(now)) {
				throw tooMany(row.nextAttemptAt(), now);
			}
		});
	}

	private void take(Subject subject, Instant now) {
		for (int i = 0; i < TRIES; i++) {
			Optional<Row> found = find(subject.key());
			if (found.isEmpty()) {
				if (insert(subject, now)) {
					return;
				}
				continue;
			}
			Row row = found.get();
			if (!row.forgotten(now, this.settings.forgetAfter()) && row.nextAttemptAt().isAfter(now)) {
				throw tooMany(row.nextAttemptAt(), now);
			}
			int failures = row.forgotten(now, this.settings.forgetAfter()) ? 1 : row.failures() + 1;
			int updated = this.jdbc.sql("""
					update login_delays set failures = :failures, last_failure_at = :now, next_attempt_at = :next
					where subject = :subject and failures = :seen and last_failure_at = :seenAt""")
				.param("failures", failures)
				.param("now", utc(now))
				.param("next", utc(now.plus(delayAfter(failures, subject))))
				.param("subject", subject.key())
				.param("seen", row.failures())
				.param("seenAt", utc(row.lastFailureAt()))
				.update();
			if (updated == 1) {
				return;
			}
		}
		throw tooMany(now.plusSeconds(1), now);
	}

	private boolean insert(Subject subject, Instant now) {
		try {
			this.jdbc.sql("""
					insert into login_delays (subject, failures, last_failure_at, next_attempt_at)
					values (:subject, 1, :now, :next)""")
				.param("subject", subject.key())
				.param("now", utc(now))
				.param("next", utc(now.plus(delayAfter(1, subject))))
				.update();
			return true;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	private Optional<Row> find(String subject) {
		return this.jdbc
			.sql("select failures, last_failure_at, next_attempt_at from login_delays where subject = :subject")
			.param("subject", subject)
			.query((rs, n) -> new Row(rs.getInt("failures"), instant(rs, "last_failure_at"),
					instant(rs, "next_attempt_at")))
			.optional();
	}

	private static TooManyRequests tooMany(Instant next, Instant now) {
		long millis = Duration.between(now, next).toMillis();
		return new TooManyRequests("Too many failed sign-ins: wait before trying again", (millis + 999) / 1000);
	}

	private static String userKey(String username) {
		String name = username.toLowerCase(Locale.ROOT);
		return "user:" + ((name.length() > 150) ? name.substring(0, 150) : name);
	}

	private static String ipKey(String clientIp) {
		return "ip:" + clientIp;
	}

	/**
	 * A username or IP, with the number of failures it gets free and its longest wait.
	 */
	record Subject(String key, int free, Duration maxDelay) {
	}

	private record Row(int failures, Instant lastFailureAt, Instant nextAttemptAt) {

		boolean forgotten(Instant now, Duration forgetAfter) {
			return this.lastFailureAt.plus(forgetAfter).isBefore(now) && !this.nextAttemptAt.isAfter(now);
		}

	}

}
