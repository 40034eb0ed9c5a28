package io.costlens.platform.health;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DependencyStateTests {

	@Test
	void keepsARecentAnswer() {
		DependencyState.Probe probe = new DependencyState.Probe(true, Instant.now().minusMillis(800));

		assertThat(probe.current().up()).isTrue();
		assertThat(probe.current().ageMillis()).isGreaterThanOrEqualTo(800);
	}

	@Test
	void countsAnUpThatNoProbeHasConfirmedForLongerThanItsTimeoutsAsDown() {
		Instant last = Instant.now().minus(DependencyState.STALE).minusSeconds(1);

		DependencyState.Probe current = new DependencyState.Probe(true, last).current();

		assertThat(current.up()).isFalse();
		assertThat(current.checkedAt()).isEqualTo(last);
	}

}
