package io.costlens;

import java.time.Instant;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;

import org.springframework.boot.test.context.TestComponent;

/** Runs a recurring job now instead of at its next interval. */
@TestComponent
public class TestScheduler {

	private final Scheduler scheduler;

	TestScheduler(Scheduler scheduler) {
		this.scheduler = scheduler;
	}

	/** Moves the job's next run to now; it runs within a moment, on some instance. */
	public void runNow(String recurringJob) {
		this.scheduler.reschedule(TaskInstanceId.of(recurringJob, "recurring"), Instant.now());
		this.scheduler.triggerCheckForDueExecutions();
	}

}
