package io.costlens.providers;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.costlens.platform.Caches;
import io.costlens.platform.Caches.Level;
import io.costlens.platform.CurrentUser;
import io.costlens.platform.Page;

/**
 * The providers module's public API: the caller's provider keys (added, listed, validated
 * and synced now), and the usage synced for them. Every method acts as the signed-in
 * caller: members see and act on their own keys, admins on everyone's.
 */
@Service
public class Providers {

	/**
	 * The data set of {@link #usageByDay} and the other usage reads: every stored usage
	 * row (a sync, the cleanup, a purged key's rows). A cache of what reads them names
	 * it.
	 */
	public static final String USAGE = UsageRepository.USAGE;

	/**
	 * The data set of the provider keys (added, renamed, deactivated, deleted, validated,
	 * refused, synced): a cache of what shows them names it.
	 */
	public static final String KEYS = ProviderKeyRepository.KEYS;

	private static final TypeReference<UsagePage> USAGE_PAGE = new TypeReference<>() {
	};

	private static final TypeReference<List<UsageTotals>> DAILY = new TypeReference<>() {
	};

	private final ProviderKeys keys;

	private final UsageSync sync;

	private final KeyValidation validation;

	private final UsageRepository usage;

	private final ProviderKeyRepository repository;

	private final Caches caches;

	Providers(ProviderKeys keys, UsageSync sync, KeyValidation validation, UsageRepository usage,
			ProviderKeyRepository repository, ObjectProvider<Caches> caches) {
		this.caches = caches.getIfAvailable(Caches::none);
		this.repository = repository;
		this.keys = keys;
		this.sync = sync;
		this.validation = validation;
		this.usage = usage;
	}

	/** Stores a key encrypted; the answer shows only its preview. */
	public ProviderKeyView add(String name, String key, String provider) {
		return ProviderKeyView.of(this.keys.add(new NewProviderKey(name, key, provider)));
	}

	/** A page of the caller's keys (an admin's: everyone's), oldest first. */
	public Page<ProviderKeyView> keys(int page, int pageSize) {
		return this.keys.list(null, page, pageSize).map(ProviderKeyView::of);
	}

	/**
	 * One key the caller may see.
	 * @throws ProviderKeyNotFound when there is none, or it is another member's
	 */
	public ProviderKeyView key(UUID id) {
		return ProviderKeyView.of(this.keys.get(id));
	}

	/**
	 * Syncs the key's usage from OpenRouter now.
	 * @throws ProviderCallFailed when OpenRouter did not answer usably (nothing changed)
	 */
	public SyncResponse sync(UUID id) {
		this.keys.get(id);
		try {
			UsageSync.Result result = this.sync.sync(id);
			return new SyncResponse(id, result.keyType().value(), result.rows(), result.syncedAt());
		}
		catch (OpenRouterFailure failure) {
			throw new ProviderCallFailed(failure.getMessage());
		}
	}

	/**
	 * Validates the key with OpenRouter now; a 401/403 deactivates it.
	 * @throws ProviderCallFailed when OpenRouter did not answer usably (nothing changed)
	 */
	public ValidationResponse validate(UUID id) {
		this.keys.get(id);
		KeyValidation.Result result = this.validation.validate(id);
		if (result.outcome() == KeyValidation.Outcome.UNCHANGED) {
			throw new ProviderCallFailed(String.valueOf(result.message()));
		}
		ProviderKey key = this.keys.get(id);
		return new ValidationResponse(id, result.outcome() == KeyValidation.Outcome.VALID, key.active(),
				(result.keyType() != null) ? result.keyType().value() : null, result.message());
	}

	/**
	 * Usage rows of the caller's keys (an admin's: everyone's), newest day first, with
	 * the totals of every row that matches. Cached per caller, as {@code GET /api/usage}
	 * is, until any usage is stored or deleted.
	 * @param keyId one key, or {@code null} for all
	 * @param model one model, or {@code null} for all
	 * @param from the first UTC day, or {@code null}
	 * @param to the last UTC day (included), or {@code null}
	 */
	public UsagePage usage(@Nullable UUID keyId, @Nullable String model, @Nullable LocalDate from,
			@Nullable LocalDate to, int page, int pageSize) {
		UsageFilter filter = new UsageFilter(this.keys.scope(null), keyId, model, from, to);
		return this.caches.getForCaller(Level.QUERY, "usage-page", filter + "|" + page + "|" + pageSize, USAGE_PAGE,
				() -> new UsagePage(this.usage.page(filter, (page - 1) * pageSize, pageSize), this.usage.count(filter),
						page, pageSize, this.usage.total(filter)),
				UsageRepository.USAGE);
	}

	/** The same usage summed per UTC day, oldest first (cached as {@link #usage} is). */
	public List<UsageTotals> usageByDay(@Nullable UUID keyId, @Nullable String model, @Nullable LocalDate from,
			@Nullable LocalDate to) {
		UsageFilter filter = new UsageFilter(this.keys.scope(null), keyId, model, from, to);
		return this.caches.getForCaller(Level.QUERY, "usage-by-day", filter, DAILY, () -> this.usage.byDay(filter),
				UsageRepository.USAGE);
	}

	/**
	 * A page of usage rows and the totals over every row that matches.
	 *
	 * @param items the rows
	 * @param total rows that match
	 * @param page the page, from 1
	 * @param pageSize rows per page
	 * @param summary totals over every matching row
	 */
	public record UsagePage(List<UsageStat> items, long total, int page, int pageSize, UsageTotals summary) {
	}

	/**
	 * What a sync did.
	 *
	 * @param keyId the key
	 * @param keyType its type
	 * @param rowsUpserted usage rows written (inserted or replaced)
	 * @param syncedAt when
	 */
	public record SyncResponse(UUID keyId, String keyType, int rowsUpserted, Instant syncedAt) {
	}

	/**
	 * What a validation found.
	 *
	 * @param keyId the key
	 * @param valid whether OpenRouter accepted it
	 * @param isActive whether it is active now
	 * @param keyType its type
	 * @param message OpenRouter's message when it refused the key
	 */
	public record ValidationResponse(UUID keyId, boolean valid, boolean isActive, @Nullable String keyType,
			@Nullable String message) {
	}

	/**
	 * Adds an OpenRouter key for the signed-in caller, as {@link #add} does (encrypted,
	 * audited), with usage rows as a sync would have stored them; nothing is sent to
	 * OpenRouter (the demo data).
	 * @return the key's id
	 */
	@Transactional
	public UUID addKeyWithUsage(String name, String key, List<SampleUsage> usage) {
		ProviderKey stored = this.keys.add(new NewProviderKey(name, key, "openrouter"));
		UUID owner = CurrentUser.current().orElseThrow().userId();
		this.usage.upsert(stored.id(), owner, usage.stream()
			.map((u) -> new DailyUsage(u.date(), u.model(), u.requests(), u.tokensInput(), u.tokensOutput(), u.cost()))
			.toList(), Instant.now());
		return stored.id();
	}

	/** How many provider keys are stored, of every user. */
	public long keyCount() {
		return this.repository.count(null);
	}

	/**
	 * One day's usage of one model.
	 *
	 * @param date the UTC day
	 * @param model the model
	 * @param requests requests made
	 * @param tokensInput prompt tokens
	 * @param tokensOutput completion tokens
	 * @param cost what it cost, in USD
	 */
	public record SampleUsage(LocalDate date, String model, long requests, long tokensInput, long tokensOutput,
			BigDecimal cost) {
	}

}
