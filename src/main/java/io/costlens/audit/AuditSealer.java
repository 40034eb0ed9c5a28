package io.costlens.audit;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Links pending audit entries into the chain every {@code costlens.audit.seal-interval},
 * on every instance; when another instance is sealing at that moment this one skips the
 * round instead of waiting. On shutdown it seals once more, so a clean stop leaves
 * nothing pending.
 */
@Component
class AuditSealer implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(AuditSealer.class);

	private final Audit audit;

	private final AuditProperties properties;

	private volatile ScheduledExecutorService ticker;

	private volatile boolean failing;

	AuditSealer(Audit audit, AuditProperties properties) {
		this.audit = audit;
		this.properties = properties;
	}

	@Override
	public void start() {
		ScheduledExecutorService started = Executors
			.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("audit-sealer").daemon(true).factory());
		long every = Math.max(50, this.properties.sealInterval().toMillis());
		started.scheduleWithFixedDelay(this::sealQuietly, every, every, TimeUnit.MILLISECONDS);
		this.ticker = started;
	}

	private void sealQuietly() {
		try {
			this.audit.seal(true);
			if (this.failing) {
				log.info("Sealing audit entries works again");
				this.failing = false;
			}
		}
		catch (RuntimeException ex) {
			if (!this.failing) {
				// once per outage: the entries stay pending and are sealed when the
				// database is back
				log.warn("Could not seal pending audit entries, will retry: {}", ex.getMessage());
				this.failing = true;
			}
		}
	}

	@Override
	public void stop() {
		ScheduledExecutorService running = this.ticker;
		if (running == null) {
			return;
		}
		running.shutdown();
		try {
			running.awaitTermination(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.ticker = null;
		sealQuietly();
	}

	/**
	 * Stops after the web server has finished its requests, so their entries are sealed.
	 */
	@Override
	public int getPhase() {
		return 0;
	}

	@Override
	public boolean isRunning() {
		return this.ticker != null;
	}

}
