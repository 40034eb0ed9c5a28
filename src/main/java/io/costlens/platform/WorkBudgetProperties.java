package io.costlens.platform;

import java.time.Duration;

import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How much CPU-heavy work (inspecting message text) a {@link WorkBudget} lets run at
 * once. Each path that uses one binds it under its own prefix, e.g.
 * {@code costlens.scenarios.ingest.inspection}.
 *
 * @param threads the platform threads that do the work; 0 means one fewer than the cores
 * (at least one), so request threads, health checks and probes always keep a core
 * @param maxBytesInFlight the most text being worked on or waiting for a thread; a
 * request that would pass it waits up to {@code maxWait}, then is answered 503 with
 * {@code Retry-After}. A single request larger than this runs alone.
 * @param maxWait how long a request waits for room before the 503
 * @param inlineBelow work on less text than this runs on the request's own thread
 * @param retryAfter what a 503 tells the client to wait
 */
public record WorkBudgetProperties(@DefaultValue("0") int threads, @DefaultValue("12MB") DataSize maxBytesInFlight,
		@DefaultValue("2s") Duration maxWait, @DefaultValue("64KB") DataSize inlineBelow,
		@DefaultValue("2s") Duration retryAfter) {

	public WorkBudgetProperties {
		if (threads < 0 || maxBytesInFlight.toBytes() < 1024 || maxWait.isNegative() || inlineBelow.isNegative()) {
			throw new IllegalArgumentException(
					"threads and max-wait must not be negative, " + "and max-bytes-in-flight must be at least 1KB");
		}
	}

	/** The threads the work runs on. */
	int poolSize() {
		return (this.threads > 0) ? this.threads : Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
	}

}
