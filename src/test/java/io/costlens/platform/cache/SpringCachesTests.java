package io.costlens.platform.cache;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;

import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import io.costlens.platform.Caches.Level;
import io.costlens.platform.CurrentUser;
import io.costlens.platform.Role;

import static org.assertj.core.api.Assertions.assertThat;

class SpringCachesTests {

	private static final TypeReference<String> TEXT = new TypeReference<>() {
	};

	private final CacheProperties properties = new CacheProperties(true, Duration.ofMinutes(5), Duration.ofHours(1),
			Duration.ofHours(24), 100, "test:");

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final SpringCaches caches = new SpringCaches(new LevelledCaffeineCacheManager(this.properties, this.meters),
			new LocalGenerations(Duration.ofHours(48)), EntryCodec.identity(), this.meters, true);

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void neverServesOneCallersEntryToAnother() {
		signIn(Role.MEMBER);
		assertThat(read("ann's")).isEqualTo("ann's");
		assertThat(read("ann's again")).isEqualTo("ann's");

		signIn(Role.MEMBER);
		assertThat(read("bob's")).isEqualTo("bob's");

		SecurityContextHolder.clearContext();
		assertThat(read("anonymous")).isEqualTo("anonymous");
	}

	@Test
	void computesAfreshOnceADataSetChanged() {
		AtomicInteger loads = new AtomicInteger();
		String first = this.caches.get(Level.QUERY, "things", "k", TEXT, () -> "v" + loads.incrementAndGet(), "a", "b");
		String cached = this.caches.get(Level.QUERY, "things", "k", TEXT, () -> "v" + loads.incrementAndGet(), "a",
				"b");
		this.caches.changed("b");
		String fresh = this.caches.get(Level.QUERY, "things", "k", TEXT, () -> "v" + loads.incrementAndGet(), "a", "b");

		assertThat(List.of(first, cached, fresh)).containsExactly("v1", "v1", "v2");
		assertThat(this.caches.stats()).singleElement().satisfies((stats) -> {
			assertThat(stats.name()).isEqualTo("query.things");
			assertThat(stats.hits()).isEqualTo(1);
			assertThat(stats.misses()).isEqualTo(2);
			assertThat(stats.size()).isEqualTo(2);
		});
	}

	@Test
	void givesEachLevelItsOwnTimeToLive() {
		assertThat(this.properties.ttlOf("query.scenario-metrics")).isEqualTo(Duration.ofMinutes(5));
		assertThat(this.properties.ttlOf("report.devlens-kpis")).isEqualTo(Duration.ofHours(1));
		assertThat(this.properties.ttlOf("price.region")).isEqualTo(Duration.ofHours(24));
	}

	@Test
	void readsThroughWhenSwitchedOff() {
		SpringCaches off = new SpringCaches(new LevelledCaffeineCacheManager(this.properties, this.meters),
				new LocalGenerations(Duration.ofHours(1)), EntryCodec.identity(), this.meters, false);
		AtomicInteger loads = new AtomicInteger();

		off.get(Level.PRICE, "p", "k", TEXT, () -> "v" + loads.incrementAndGet());
		off.get(Level.PRICE, "p", "k", TEXT, () -> "v" + loads.incrementAndGet());

		assertThat(loads).hasValue(2);
	}

	private String read(String value) {
		return this.caches.getForCaller(Level.QUERY, "usage", "same-key", TEXT, () -> value, "usage");
	}

	private static void signIn(Role role) {
		CurrentUser user = new CurrentUser(UUID.randomUUID(), "u", role, "free", null);
		SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken(user, null));
	}

}
