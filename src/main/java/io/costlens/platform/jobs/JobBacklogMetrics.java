package io.costlens.platform.jobs;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code costlens.jobs.due}: job executions whose time has come and that no instance has
 * picked yet (the backlog of every instance together), counted at each scrape; NaN while
 * the database does not answer.
 */
@Component
class JobBacklogMetrics implements MeterBinder {

	private final JdbcClient jdbc;

	JobBacklogMetrics(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("costlens.jobs.due", this, JobBacklogMetrics::due)
			.description("Job executions that are due and not yet picked by any instance")
			.register(registry);
	}

	private double due() {
		try {
			return this.jdbc.sql(
					"select count(*) from scheduled_tasks where picked = false and execution_time <= current_timestamp")
				.query(Long.class)
				.single();
		}
		catch (RuntimeException ex) {
			return Double.NaN;
		}
	}

}
