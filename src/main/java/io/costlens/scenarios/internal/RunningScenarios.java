package io.costlens.scenarios.internal;

import java.util.Optional;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.stereotype.Component;

import io.costlens.scenarios.ScenarioNotFound;
import io.costlens.scenarios.ScenarioNotRunning;
import io.costlens.scenarios.ScenarioStatus;

/**
 * The quick check request threads make before inspecting a message: is the scenario there
 * and running? Answers are reused for {@link IngestSettings#runningCacheTtl()}; the log
 * writer checks again in its transaction, so this only saves a query per request.
 */
@Component
public class RunningScenarios {

	private final ScenarioRepository scenarios;

	private final Cache<UUID, Optional<ScenarioStatus>> statuses;

	RunningScenarios(ScenarioRepository scenarios, IngestSettings settings) {
		this.scenarios = scenarios;
		this.statuses = Caffeine.newBuilder().expireAfterWrite(settings.runningCacheTtl()).maximumSize(10_000).build();
	}

	/** Throws unless the scenario exists and (as far as recently known) is running. */
	public void check(UUID id) {
		ScenarioStatus status = this.statuses.get(id, this.scenarios::findStatus)
			.orElseThrow(() -> new ScenarioNotFound(id));
		if (status != ScenarioStatus.RUNNING) {
			throw new ScenarioNotRunning(id, status);
		}
	}

	/** The failure for logs the writer refused: the scenario stopped (or vanished). */
	public RuntimeException refusal(UUID id) {
		this.statuses.invalidate(id);
		return this.scenarios.findStatus(id)
			.<RuntimeException>map((status) -> new ScenarioNotRunning(id, status))
			.orElseGet(() -> new ScenarioNotFound(id));
	}

}
