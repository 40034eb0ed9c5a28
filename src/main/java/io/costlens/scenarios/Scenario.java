package io.costlens.scenarios;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A cost-simulation scenario. Its state changes through {@link #start}, {@link #stop} and
 * {@link #archive}, which refuse any transition the lifecycle does not allow.
 *
 * @param id the scenario id
 * @param name unique name
 * @param description free text
 * @param region the AWS region whose prices apply
 * @param status where it is in its life
 * @param tags labels
 * @param totalRequests logs ingested so far
 * @param costModel how logs turn into AWS usage
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 * @param startedAt when it started running
 * @param completedAt when it was stopped
 */
public record Scenario(UUID id, String name, @Nullable String description, String region, ScenarioStatus status,
		List<String> tags, long totalRequests, CostModel costModel, Instant createdAt, Instant updatedAt,
		@Nullable Instant startedAt, @Nullable Instant completedAt) {

	Scenario start(Instant now) {
		return moveTo(ScenarioStatus.DRAFT, ScenarioStatus.RUNNING, now, now, this.completedAt);
	}

	Scenario stop(Instant now) {
		return moveTo(ScenarioStatus.RUNNING, ScenarioStatus.COMPLETED, now, this.startedAt, now);
	}

	Scenario archive(Instant now) {
		return moveTo(ScenarioStatus.COMPLETED, ScenarioStatus.ARCHIVED, now, this.startedAt, this.completedAt);
	}

	public boolean isRunning() {
		return this.status == ScenarioStatus.RUNNING;
	}

	private Scenario moveTo(ScenarioStatus from, ScenarioStatus to, Instant now, @Nullable Instant started,
			@Nullable Instant completed) {
		if (this.status != from) {
			throw new IllegalScenarioTransition(this.id, this.status, to);
		}
		return new Scenario(this.id, this.name, this.description, this.region, to, this.tags, this.totalRequests,
				this.costModel, this.createdAt, now, started, completed);
	}

}
