package io.costlens.providers;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The module's jobs are recurring db-scheduler tasks in the shared database, due at their
 * configured UTC times (so each run happens once, on whichever instance takes it).
 */
@WithOpenRouterFake
class ProvidersJobsIntegrationTests {

	@Autowired
	JdbcClient jdbc;

	@Test
	void schedulesTheJobsAtTheirUtcTimesInTheSharedJobTable() {
		await().atMost(Duration.ofSeconds(20)).until(() -> scheduled().size() >= 3);
		Map<String, Instant> due = scheduled();
		ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);

		assertThat(due.get("validate_api_keys")).isEqualTo(nextAt(now, LocalTime.of(2, 0)));
		assertThat(due.get("reencrypt_provider_keys")).isEqualTo(nextAt(now, LocalTime.of(4, 0)));
		Instant cleanup = due.get("cleanup_old_usage_stats");
		assertThat(cleanup.atZone(ZoneOffset.UTC).getDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY);
		assertThat(cleanup.atZone(ZoneOffset.UTC).toLocalTime()).isEqualTo(LocalTime.of(3, 0));
		assertThat(cleanup).isBetween(now.toInstant(), now.plusDays(7).toInstant());
		assertThat(due).doesNotContainKey("sync_usage_stats");
	}

	private Map<String, Instant> scheduled() {
		return this.jdbc.sql("""
				select task_name, execution_time from scheduled_tasks
				where task_name in ('sync_usage_stats', 'validate_api_keys', 'cleanup_old_usage_stats',
				    'reencrypt_provider_keys')""")
			.query((rs, n) -> Map.entry(rs.getString("task_name"),
					rs.getObject("execution_time", OffsetDateTime.class).toInstant()))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	private static Instant nextAt(ZonedDateTime now, LocalTime time) {
		ZonedDateTime today = now.toLocalDate().atTime(time).atZone(ZoneOffset.UTC);
		return (today.isAfter(now) ? today : today.plusDays(1)).toInstant();
	}

}
