package io.costlens.platform.health;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The database's and Redis's state as the probes last saw it, probed in the background
 * once a second, so that {@code /health}, which load balancers and monitors call as often
 * as they like, answers without a round trip of its own (a round trip per call held
 * {@code /health} to a fraction of what the same server answers otherwise,
 * bench/request-path). A probe that has not come back within {@link #STALE} (longer than
 * its own timeouts) counts as a dependency that does not answer, so the state never says
 * "up" for long after the dependency stopped answering.
 */
@Component
class DependencyState implements SmartLifecycle {

	static final Duration INTERVAL = Duration.ofSeconds(1);

	static final Duration STALE = Duration.ofSeconds(5);

	private static final Duration STOP_WAIT = Duration.ofSeconds(5);

	private final DatabaseProbe databaseProbe;

	private final RedisProbe redisProbe;

	private volatile @Nullable Probe database;

	private volatile @Nullable Probe redis;

	private @Nullable ScheduledExecutorService probes;

	DependencyState(DatabaseProbe databaseProbe, RedisProbe redisProbe) {
		this.databaseProbe = databaseProbe;
		this.redisProbe = redisProbe;
	}

	/** The database as last probed (probing it now when it never was). */
	Probe database() {
		Probe last = this.database;
		return (last != null) ? last.current() : probeDatabase();
	}

	/** Redis as last probed, or nothing when no Redis is configured. */
	@Nullable Probe redis() {
		if (!this.redisProbe.isConfigured()) {
			return null;
		}
		Probe last = this.redis;
		return (last != null) ? last.current() : probeRedis();
	}

	/**
	 * Probes the database now (readiness asks the database itself) and keeps the answer.
	 */
	Probe probeDatabase() {
		Probe probe = new Probe(this.databaseProbe.isUp(), Instant.now());
		this.database = probe;
		return probe;
	}

	private Probe probeRedis() {
		Probe probe = new Probe(this.redisProbe.isUp(), Instant.now());
		this.redis = probe;
		return probe;
	}

	private void probeAll() {
		try {
			probeDatabase();
			if (this.redisProbe.isConfigured()) {
				probeRedis();
			}
		}
		catch (RuntimeException ex) {
			// the probes answer false on failure; anything else must not end the schedule
		}
	}

	@Override
	public synchronized void start() {
		if (this.probes == null) {
			ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(
					Thread.ofPlatform().daemon().name("costlens-dependency-probe").factory());
			executor.scheduleWithFixedDelay(this::probeAll, 0, INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
			this.probes = executor;
		}
	}

	@Override
	public synchronized void stop() {
		if (this.probes != null) {
			// no interrupt: one in the middle of file I/O closes an embedded H2 database
			// for
			// every context sharing it; a running probe ends within its own timeouts
			this.probes.shutdown();
			try {
				this.probes.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			this.probes = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.probes != null;
	}

	/** One probe's answer and when it was given. */
	record Probe(boolean up, Instant checkedAt) {

		/** This answer, or "down" once no probe has answered for longer than STALE. */
		Probe current() {
			return (this.up && this.checkedAt.isBefore(Instant.now().minus(STALE))) ? new Probe(false, this.checkedAt)
					: this;
		}

		long ageMillis() {
			return Math.max(0, Duration.between(this.checkedAt, Instant.now()).toMillis());
		}

	}

}
