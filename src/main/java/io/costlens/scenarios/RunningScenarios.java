package io.costlens.scenarios;

import java.util.UUID;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The quick check request threads make before inspecting a message: is the scenario there
 * and running? Only "running" is remembered, for
 * {@link ScenariosProperties.Ingest#runningCacheTtl()} (and forgotten at once when this
 * instance stops or deletes the scenario), so a scenario takes logs the moment it starts.
 * The log writer checks again in its transaction, so a stop on another instance takes
 * effect when it commits; this only saves a query per request.
 */
@Component
class RunningScenarios {

	private final ScenarioRepository scenarios;

	private final Cache<UUID, Boolean> running;

	RunningScenarios(ScenarioRepository scenarios, ScenariosProperties properties) {
		this.scenarios = scenarios;
		this.running = Caffeine.newBuilder()
			.expireAfterWrite(properties.ingest().runningCacheTtl())
			.maximumSize(10_000)
			.build();
	}

	/** Throws unless the scenario exists and (as far as recently known) is running. */
	void check(UUID id) {
		if (this.running.getIfPresent(id) != null) {
			return;
		}
		ScenarioStatus status = this.scenarios.findStatus(id).orElseThrow(() -> new ScenarioNotFound(id));
		if (status != ScenarioStatus.RUNNING) {
			throw new ScenarioNotRunning(id, status);
		}
		this.running.put(id, Boolean.TRUE);
	}

	/** The failure for logs the writer refused: the scenario stopped (or vanished). */
	RuntimeException refusal(UUID id) {
		this.running.invalidate(id);
		return this.scenarios.findStatus(id)
			.<RuntimeException>map((status) -> new ScenarioNotRunning(id, status))
			.orElseGet(() -> new ScenarioNotFound(id));
	}

	@EventListener
	void on(ScenarioStopped stopped) {
		this.running.invalidate(stopped.scenarioId());
	}

	@EventListener
	void on(ScenarioDeleted deleted) {
		this.running.invalidate(deleted.scenarioId());
	}

}
