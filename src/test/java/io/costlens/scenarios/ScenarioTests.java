package io.costlens.scenarios;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ScenarioTests {

	private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");

	private final Scenario draft = new Scenario(UUID.randomUUID(), "s", null, "us-east-1", ScenarioStatus.DRAFT,
			List.of(), 0, CostModel.DEFAULT, NOW, NOW, null, null);

	@Test
	void movesForwardThroughItsLife() {
		Scenario running = this.draft.start(NOW.plusSeconds(1));
		Scenario completed = running.stop(NOW.plusSeconds(2));
		Scenario archived = completed.archive(NOW.plusSeconds(3));

		assertThat(running.startedAt()).isEqualTo(NOW.plusSeconds(1));
		assertThat(completed.completedAt()).isEqualTo(NOW.plusSeconds(2));
		assertThat(archived.status()).isEqualTo(ScenarioStatus.ARCHIVED);
		assertThat(archived.startedAt()).isEqualTo(NOW.plusSeconds(1));
	}

	@Test
	void refusesEveryOtherMoveNamingBothStates() {
		assertThatExceptionOfType(IllegalScenarioTransition.class).isThrownBy(() -> this.draft.stop(NOW))
			.withMessageContaining("from draft to completed");
		assertThatExceptionOfType(IllegalScenarioTransition.class)
			.isThrownBy(() -> this.draft.start(NOW).stop(NOW).start(NOW))
			.withMessageContaining("from completed to running");
	}

}
