package io.costlens.scenarios;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.costlens.platform.Page;
import io.costlens.scenarios.internal.LogRepository;

/** The stored logs of a scenario, newest first. */
@Service
public class ScenarioLogs {

	private final Scenarios scenarios;

	private final LogRepository logs;

	ScenarioLogs(Scenarios scenarios, LogRepository logs) {
		this.scenarios = scenarios;
		this.logs = logs;
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
