package io.costlens.providers;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.util.StringUtils;

import io.costlens.platform.Conflict;

/**
 * Syncs usage from OpenRouter into one row per key, UTC day and model. Management keys:
 * {@code /activity} for each of the last completed days, provider endpoints summed per
 * model. Ordinary keys: one key-level row ({@code *}) for today from {@code /key}, whose
 * limit fields go onto the key (or, with {@code usage-path} set, the rows a proxy's
 * {@code /usage} serves). A key's type is learnt by validating it first when unknown.
 * Rows are upserted, so a second run replaces and never duplicates.
 */
@Service
class UsageSync {

	private static final Logger log = LoggerFactory.getLogger(UsageSync.class);

	private final ProviderKeyRepository keys;

	private final UsageRepository usage;

	private final KeyEncryption encryption;

	private final OpenRouterClient openRouter;

	private final KeyValidation validation;

	private final ProvidersProperties properties;

	private final TransactionOperations transactions;

	private final ProviderMetrics metrics;

	private final Clock clock = Clock.systemUTC();

	UsageSync(ProviderKeyRepository keys, UsageRepository usage, KeyEncryption encryption, OpenRouterClient openRouter,
			KeyValidation validation, ProvidersProperties properties, TransactionOperations transactions,
			ProviderMetrics metrics) {
		this.metrics = metrics;
		this.keys = keys;
		this.usage = usage;
		this.encryption = encryption;
		this.openRouter = openRouter;
		this.validation = validation;
		this.properties = properties;
		this.transactions = transactions;
	}

	/**
	 * Syncs every active key, least recently synced first; one key's failure never stops
	 * the others, an interrupt (the job ran too long) stops the run.
	 */
	RunCounts syncAll() {
		RunCounts counts = RunCounts.NONE;
		for (UUID id : this.keys.activeIds("last_synced_at")) {
			if (Thread.currentThread().isInterrupted()) {
				break;
			}
			try {
				counts = counts.plus(true, sync(id).rows());
			}
			catch (OpenRouterFailure | KeyEncryption.UndecryptableKey | Conflict | ProviderKeyNotFound ex) {
				log.warn("Provider key {} not synced, retried next run: {}", id, ex.getMessage());
				counts = counts.plus(false, 0);
			}
		}
		return counts;
	}

	/**
	 * Syncs one key now.
	 * @throws OpenRouterFailure when OpenRouter did not answer usably; nothing is written
	 * @throws Conflict when the key is inactive
	 */
	Result sync(UUID id) {
		ProviderKey key = this.keys.find(id).orElseThrow(() -> new ProviderKeyNotFound(id));
		if (!key.active()) {
			throw new Conflict("Provider key " + id + " is inactive: activate it (PATCH is_active) to sync it");
		}
		try {
			Result result = sync(key);
			this.metrics.synced();
			return result;
		}
		catch (OpenRouterFailure failure) {
			this.metrics.syncFailed(failure);
			throw failure;
		}
		catch (KeyEncryption.UndecryptableKey ex) {
			this.metrics.syncFailed("undecryptable");
			throw ex;
		}
	}

	private Result sync(ProviderKey key) {
		String plaintext = this.encryption.decrypt(key.ciphertext(), key.id());
		KeyType type = key.type();
		@Nullable KeyInfo info = null;
		if (type == null) {
			info = this.validation.check(key, plaintext);
			type = info.type();
		}
		List<DailyUsage> rows = switch (type) {
			case MANAGEMENT -> activity(plaintext);
			case ORDINARY -> ordinary(key, plaintext, info);
		};
		Instant at = Instant.now();
		this.transactions.executeWithoutResult((tx) -> {
			this.usage.upsert(key.id(), key.userId(), rows, at);
			this.keys.synced(key.id(), at);
		});
		log.debug("Provider key {} ({}) synced: {} rows", key.id(), key.keyPreview(), rows.size());
		return new Result(key.id(), type, rows.size(), at);
	}

	private List<DailyUsage> activity(String plaintext) {
		LocalDate today = LocalDate.now(this.clock);
		List<DailyUsage> rows = new ArrayList<>();
		for (int daysAgo = this.properties.activityDays(); daysAgo >= 1; daysAgo--) {
			rows.addAll(perModel(this.openRouter.activity(plaintext, today.minusDays(daysAgo))));
		}
		return rows;
	}

	private List<DailyUsage> ordinary(ProviderKey key, String plaintext, @Nullable KeyInfo known) {
		String usagePath = this.properties.openrouter().usagePath();
		LocalDate today = LocalDate.now(this.clock);
		if (StringUtils.hasText(usagePath)) {
			return perModel(this.openRouter.usage(plaintext, usagePath, today.minusDays(this.properties.activityDays()),
					today));
		}
		KeyInfo info = (known != null) ? known : this.validation.check(key, plaintext);
		return List.of(new DailyUsage(today, DailyUsage.KEY_LEVEL, null, null, null,
				(info.usageDaily() != null) ? info.usageDaily() : BigDecimal.ZERO));
	}

	/**
	 * Sums rows of the same day and model (OpenRouter reports each provider endpoint).
	 */
	static List<DailyUsage> perModel(List<DailyUsage> rows) {
		Map<String, DailyUsage> sums = new LinkedHashMap<>();
		for (DailyUsage row : rows) {
			sums.merge(row.date() + "|" + row.model(), row, DailyUsage::plus);
		}
		return List.copyOf(sums.values());
	}

	/**
	 * What one sync did.
	 *
	 * @param keyId the key
	 * @param keyType its type
	 * @param rows rows upserted
	 * @param syncedAt when
	 */
	record Result(UUID keyId, KeyType keyType, int rows, Instant syncedAt) {
	}

}
