package io.costlens.demo;

import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class DemoStartupTests {

	private static final DemoProperties NOT_FORCED = new DemoProperties(false, 30);

	@Test
	void isAskedForByThePropertyOrTheDemoProfile() {
		assertThat(DemoStartup.isAsked(new MockEnvironment())).isFalse();
		assertThat(DemoStartup.isAsked(new MockEnvironment().withProperty("costlens.demo", "true"))).isTrue();
		assertThat(DemoStartup.isAsked(new MockEnvironment().withProperty("costlens.demo", "false"))).isFalse();
		MockEnvironment profile = new MockEnvironment();
		profile.setActiveProfiles("demo");
		assertThat(DemoStartup.isAsked(profile)).isTrue();
	}

	@Test
	void isIgnoredUnderTheProdProfileUnlessForced() {
		MockEnvironment prod = new MockEnvironment().withProperty("costlens.demo", "true");
		prod.setActiveProfiles("prod");

		assertThat(DemoStartup.isAllowed(prod, NOT_FORCED)).isFalse();
		assertThat(DemoStartup.isAllowed(prod, new DemoProperties(true, 30))).isTrue();
		assertThat(DemoStartup.isAllowed(new MockEnvironment(), NOT_FORCED)).isTrue();
	}

}
