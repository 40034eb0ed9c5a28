package io.costlens.platform;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.FailureHandler.ExponentialBackoffFailureHandler;
import com.github.kagkarlsson.scheduler.task.FailureHandler.MaxRetriesFailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.costlens.platform.jobs.JobThroughput;
import io.costlens.platform.jobs.JobsProperties;

/**
 * Builds background jobs on db-scheduler and queues them. A module declares each of its
 * jobs as a {@link Task} bean made here, so that every job logs its start, end and
 * counts, is abandoned (and counted as failed; it is not interrupted) after
 * {@code costlens.jobs.max-run-time}, and never takes the application down when it
 * throws:
 * <ul>
 * <li>a recurring job ({@link #recurring}) runs again after its interval, and a failed
 * run is simply tried at the next one;
 * <li>a one-off job ({@link #oneTime}) is queued with {@link #enqueue}, retried with
 * exponential backoff up to {@code costlens.jobs.max-retries} times and then given up,
 * optionally limited to a number of starts a minute across all instances (the rest wait
 * in the queue; nothing is dropped).
 * </ul>
 * Job data is stored with Java serialization, so keep it to ids or strings. Every run is
 * counted ({@code costlens.jobs.started}, {@code .succeeded}, {@code .failed}, tagged
 * with the job's kind) and observed as {@code costlens.job}: a timer, and a span when
 * tracing is on. A one-off job runs under the correlation id of the request that queued
 * it (kept with its execution, so retries and other instances have it too); each run of a
 * recurring job gets an id of its own.
 */
@Component
public class Jobs {

	private static final Logger log = LoggerFactory.getLogger(Jobs.class);

	private final JobsProperties properties;

	private final JobThroughput throughput;

	private final ObjectProvider<Scheduler> scheduler;

	private final MeterRegistry meters;

	private final ObservationRegistry observations;

	private final JdbcClient jdbc;

	Jobs(JobsProperties properties, JobThroughput throughput, ObjectProvider<Scheduler> scheduler,
			ObjectProvider<MeterRegistry> meters, ObjectProvider<ObservationRegistry> observations, JdbcClient jdbc) {
		this.properties = properties;
		this.throughput = throughput;
		this.scheduler = scheduler;
		this.jdbc = jdbc;
		this.meters = meters.getIfAvailable(SimpleMeterRegistry::new);
		this.observations = observations.getIfAvailable(() -> ObservationRegistry.NOOP);
	}

	/** Starts a one-off job of this kind: finish it with {@link OneTime#execute}. */
	public <T> OneTime<T> oneTime(String name, Class<T> dataClass) {
		return new OneTime<>(name, dataClass);
	}

	/**
	 * A job that runs every {@code interval} (the next run starts that long after the
	 * last one ended; the first on the first start of a new database).
	 */
	public RecurringTask<Void> recurring(String name, Duration interval, RecurringWork work) {
		return Tasks.recurring(name, Schedules.fixedDelay(interval))
			.execute((instance, context) -> run(instance, attempt(context.getExecution().consecutiveFailures), null,
					work::run));
	}

	/**
	 * A job that runs on a cron schedule in UTC: Spring's six fields, seconds first (e.g.
	 * {@code 0 0 2 * * *} daily at 02:00); {@code -} disables it. Each run happens once,
	 * on one instance.
	 */
	public RecurringTask<Void> recurring(String name, String cron, RecurringWork work) {
		return Tasks.recurring(name, Schedules.cron(cron, ZoneOffset.UTC))
			.execute((instance, context) -> run(instance, attempt(context.getExecution().consecutiveFailures), null,
					work::run));
	}

	/**
	 * Queues one execution of a one-off job to run now, unless one with this id is queued
	 * already. Inside a transaction it is queued with it, and runs once it commits.
	 * @return whether it was queued (false: one with this id was waiting)
	 */
	public <T> boolean enqueue(Task<T> task, String id, T data) {
		Scheduler engine = this.scheduler.getObject();
		boolean queued = engine.scheduleIfNotExists(task.instance(id, data), Instant.now());
		Optional<String> correlation = CorrelationId.current();
		if (queued && correlation.isPresent()) {
			this.jdbc
				.sql("update scheduled_tasks set correlation_id = :correlation"
						+ " where task_name = :task and task_instance = :id")
				.param("correlation", correlation.get())
				.param("task", task.getName())
				.param("id", id)
				.update();
		}
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					engine.triggerCheckForDueExecutions();
				}
			});
		}
		else {
			engine.triggerCheckForDueExecutions();
		}
		return queued;
	}

	private <T> Map<String, ?> run(TaskInstance<T> instance, int attempt, @Nullable String correlation,
			Callable<Map<String, ?>> work) {
		String kind = instance.getTaskName();
		String id = (correlation != null) ? correlation : CorrelationId.generate();
		Observation observation = Observation.createNotStarted("costlens.job", this.observations)
			.contextualName("job " + kind)
			.lowCardinalityKeyValue("kind", kind)
			.highCardinalityKeyValue("job.id", instance.getId())
			.highCardinalityKeyValue("job.attempt", String.valueOf(attempt))
			.highCardinalityKeyValue(CorrelationId.KEY, id);
		return CorrelationId.with(id, () -> observation.observe(() -> run(instance, kind, attempt, work)));
	}

	/** The correlation id the request that queued this execution ran under, if any. */
	private @Nullable String correlationOf(TaskInstance<?> instance) {
		return this.jdbc
			.sql("select correlation_id from scheduled_tasks where task_name = :task and task_instance = :id")
			.param("task", instance.getTaskName())
			.param("id", instance.getId())
			.query(String.class)
			.optional()
			.orElse(null);
	}

	private <T> Map<String, ?> run(TaskInstance<T> instance, String kind, int attempt, Callable<Map<String, ?>> work) {
		String job = kind + " [" + instance.getId() + "]";
		log.info("Job {} started (attempt {})", job, attempt);
		count("costlens.jobs.started", kind, "Job runs started, retries included");
		long started = System.nanoTime();
		try {
			Map<String, ?> counts = bounded(job, work);
			log.info("Job {} finished in {} ms: {}", job, millisSince(started), describe(counts));
			count("costlens.jobs.succeeded", kind, "Job runs that finished");
			return counts;
		}
		catch (RuntimeException ex) {
			count("costlens.jobs.failed", kind, "Job runs that failed or ran too long (each attempt counts)");
			if (ex.getCause() instanceof IOException) {
				// a remote or a file that is not there: the reason says it all
				log.warn("Job {} failed after {} ms (attempt {}): {}", job, millisSince(started), attempt,
						reasonOf(ex));
			}
			else {
				log.warn("Job {} failed after {} ms (attempt {}): {}", job, millisSince(started), attempt, reasonOf(ex),
						ex);
			}
			throw ex;
		}
	}

	private void count(String name, String kind, String description) {
		Counter.builder(name).description(description).tag("kind", kind).register(this.meters).increment();
	}

	private Map<String, ?> bounded(String job, Callable<Map<String, ?>> work) {
		// the work runs on a thread of its own: under this run's correlation id and span
		String correlation = CorrelationId.current().orElseGet(CorrelationId::generate);
		Observation run = this.observations.getCurrentObservation();
		FutureTask<Map<String, ?>> future = new FutureTask<>(() -> {
			try (Observation.Scope scope = (run != null) ? run.openScope() : null) {
				return CorrelationId.with(correlation, () -> {
					try {
						return work.call();
					}
					catch (Exception ex) {
						throw new WorkFailed(ex);
					}
				});
			}
			catch (WorkFailed failed) {
				throw failed.work;
			}
		});
		Thread.ofVirtual().name("job " + job).start(future);
		Duration limit = this.properties.maxRunTime();
		try {
			return future.get(limit.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			// Abandoned, not interrupted: an interrupt in the middle of file I/O closes
			// an
			// embedded H2 database for everyone. The work is idempotent, so a retry may
			// overlap the abandoned run safely.
			throw new JobFailure("ran longer than " + limit + " and was abandoned", null);
		}
		catch (ExecutionException ex) {
			Throwable cause = ex.getCause();
			throw (cause instanceof RuntimeException runtime) ? runtime : new JobFailure(reasonOf(cause), cause);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new JobFailure("interrupted while the scheduler stopped", ex);
		}
	}

	private static int attempt(int consecutiveFailures) {
		return consecutiveFailures + 1;
	}

	private static long millisSince(long started) {
		return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
	}

	private static String describe(Map<String, ?> counts) {
		if (counts.isEmpty()) {
			return "nothing to report";
		}
		return counts.entrySet()
			.stream()
			.map((entry) -> entry.getKey() + "=" + entry.getValue())
			.collect(Collectors.joining(", "));
	}

	static String reasonOf(Throwable failure) {
		String message = failure.getMessage();
		return (message != null && !message.isBlank()) ? message : failure.getClass().getSimpleName();
	}

	/**
	 * The work of a one-off job.
	 *
	 * @param <T> its data: an id or a string
	 */
	@FunctionalInterface
	public interface Work<T> {

		/**
		 * Does the work; throwing fails this attempt.
		 * @return counts to log, e.g. {@code rows=120}
		 */
		Map<String, ?> run(T data) throws Exception;

	}

	/** The work of a recurring job. */
	@FunctionalInterface
	public interface RecurringWork {

		/**
		 * Does the work; throwing fails this run (the next one comes at the next
		 * interval).
		 * @return counts to log, e.g. {@code deleted=3}
		 */
		Map<String, ?> run() throws Exception;

	}

	/**
	 * A one-off job being declared.
	 *
	 * @param <T> its data: an id or a string
	 */
	public final class OneTime<T> {

		private final String name;

		private final Class<T> dataClass;

		private int perMinute;

		private BiConsumer<T, String> onGiveUp = (data, reason) -> {
		};

		OneTime(String name, Class<T> dataClass) {
			this.name = name;
			this.dataClass = dataClass;
		}

		/**
		 * At most this many executions of this kind start a minute, on all instances
		 * together; the others wait in the queue for the next minute. Zero: no limit.
		 */
		public OneTime<T> perMinute(int limit) {
			this.perMinute = limit;
			return this;
		}

		/** What to do when the last retry failed too, with the job's data and why. */
		public OneTime<T> onGiveUp(BiConsumer<T, String> action) {
			this.onGiveUp = action;
			return this;
		}

		public CustomTask<T> execute(Work<T> work) {
			JobsProperties settings = Jobs.this.properties;
			return Tasks.custom(this.name, this.dataClass)
				.onFailure(
						new MaxRetriesFailureHandler<>(settings.maxRetries(),
								new ExponentialBackoffFailureHandler<>(settings.retryBackoff(),
										settings.retryMultiplier()),
								this::gaveUp))
				.execute((instance, context) -> {
					if (this.perMinute > 0) {
						Optional<Instant> next = Jobs.this.throughput.claim(this.name, this.perMinute, Instant.now());
						if (next.isPresent()) {
							log.debug("Job {} [{}] waits for {}: {} a minute started already", this.name,
									instance.getId(), next.get(), this.perMinute);
							return (CompletionHandler<T>) (complete, operations) -> operations.reschedule(complete,
									next.get());
						}
					}
					run(instance, attempt(context.getExecution().consecutiveFailures), correlationOf(instance),
							() -> work.run(instance.getData()));
					return (CompletionHandler<T>) (complete, operations) -> operations.remove();
				});
		}

		private void gaveUp(ExecutionComplete complete, ExecutionOperations<T> operations) {
			TaskInstance<T> instance = complete.getExecution().taskInstance;
			String reason = complete.getCause().map(Jobs::reasonOf).orElse("unknown");
			log.error("Job {} [{}] failed {} times and was given up: {}", this.name, instance.getId(),
					complete.getExecution().consecutiveFailures + 1, reason);
			try {
				this.onGiveUp.accept(instance.getData(), reason);
			}
			catch (RuntimeException ex) {
				log.error("Job {} [{}]: recording the failure failed too", this.name, instance.getId(), ex);
			}
		}

	}

	/** Carries a checked failure of the work out of a supplier. */
	private static final class WorkFailed extends RuntimeException {

		private final Exception work;

		WorkFailed(Exception work) {
			super(work);
			this.work = work;
		}

	}

	/** Why a job run failed, when the work itself did not throw a runtime exception. */
	static final class JobFailure extends RuntimeException {

		JobFailure(String reason, @Nullable Throwable cause) {
			super(reason, cause);
		}

	}

}
