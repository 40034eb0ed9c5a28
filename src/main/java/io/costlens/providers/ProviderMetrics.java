package io.costlens.providers;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * The module's meters, for the alerts on a stale sync and on invalidated keys:
 * <ul>
 * <li>{@code costlens.providers.syncs{outcome}}: one key's sync, {@code success} or how
 * it failed ({@code unauthorized}, {@code rate_limited}, {@code server_error},
 * {@code network}, … as OpenRouter's answer was, or {@code undecryptable});
 * <li>{@code costlens.providers.sync.age}: seconds since the active key synced least
 * recently last synced successfully (since it was added when it never did), read from the
 * database at each scrape, so every instance reports the same; 0 without active keys, NaN
 * while the database does not answer;
 * <li>{@code costlens.providers.keys.invalidated}: keys marked inactive because
 * OpenRouter refused them (401 or 403).
 * </ul>
 */
@Component
class ProviderMetrics {

	static final String SUCCESS = "success";

	private final MeterRegistry meters;

	private final ProviderKeyRepository keys;

	private final Counter invalidated;

	ProviderMetrics(MeterRegistry meters, ProviderKeyRepository keys) {
		this.meters = meters;
		this.keys = keys;
		this.invalidated = Counter.builder("costlens.providers.keys.invalidated")
			.description("Provider keys marked inactive because the provider refused them (401 or 403)")
			.register(meters);
		syncs(SUCCESS);
		Gauge.builder("costlens.providers.sync.age", this, ProviderMetrics::stalestSyncAge)
			.description("Seconds since the least recently synced active provider key last synced successfully")
			.baseUnit("seconds")
			.register(meters);
	}

	void synced() {
		syncs(SUCCESS).increment();
	}

	void syncFailed(OpenRouterFailure failure) {
		syncs(failure.kind().name().toLowerCase(Locale.ROOT)).increment();
	}

	void syncFailed(String outcome) {
		syncs(outcome).increment();
	}

	void invalidated() {
		this.invalidated.increment();
	}

	private Counter syncs(String outcome) {
		return Counter.builder("costlens.providers.syncs")
			.description("Syncs of one provider key's usage, by outcome")
			.tag("outcome", outcome)
			.register(this.meters);
	}

	private double stalestSyncAge() {
		try {
			Optional<Instant> stalest = this.keys.stalestActiveSync();
			return stalest.map((at) -> Math.max(0, Duration.between(at, Instant.now()).toMillis() / 1000.0))
				.orElse(0.0);
		}
		catch (RuntimeException ex) {
			return Double.NaN;
		}
	}

}
