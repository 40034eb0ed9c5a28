package io.costlens.scenarios;

import java.util.UUID;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.costlens.platform.Page;
import io.costlens.scenarios.internal.LogRepository;

/** The stored logs of a scenario, newest first. */
@Service
public class ScenarioLogs {

	private static final int STREAM_FETCH_SIZE = 2000;

	private final Scenarios scenarios;

	private final LogRepository logs;

	ScenarioLogs(Scenarios scenarios, LogRepository logs) {
		this.scenarios = scenarios;
		this.logs = logs;
	}

	/**
	 * Hands up to {@code limit} logs of the scenario to {@code action}, oldest first, one
	 * at a time as they are read: however many there are, only a batch is in memory.
	 * @return how many were handed over
	 */
	@Transactional(readOnly = true)
	public long forEachOldestFirst(UUID scenarioId, long limit, Consumer<StoredLog> action) {
		this.scenarios.get(scenarioId);
		return this.logs.forEachOldestFirst(scenarioId, (int) Math.min(limit, Integer.MAX_VALUE), STREAM_FETCH_SIZE,
				action);
	}

	@Transactional(readOnly = true)
	public Page<StoredLog> list(UUID scenarioId, @Nullable Boolean hasPii, @Nullable String source, int page,
			int pageSize) {
		Scenario scenario = this.scenarios.get(scenarioId);
		long total = (hasPii == null && source == null) ? scenario.totalRequests()
				: this.logs.count(scenarioId, hasPii, source);
		return new Page<>(this.logs.find(scenarioId, hasPii, source, (page - 1) * pageSize, pageSize), total, page,
				pageSize);
	}

}
