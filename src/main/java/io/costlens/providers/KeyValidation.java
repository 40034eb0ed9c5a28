package io.costlens.providers;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Asks OpenRouter about each key ({@code GET /key}): a 401 or 403 marks the key inactive
 * (logged and audited); a network error, 429 or 5xx changes nothing, so the next run
 * tries again; an answer records the key's type (management or ordinary) and limits.
 */
@Service
class KeyValidation {

	private static final Logger log = LoggerFactory.getLogger(KeyValidation.class);

	private final ProviderKeyRepository keys;

	private final KeyEncryption encryption;

	private final OpenRouterClient openRouter;

	private final ProviderAudit audit;

	private final TransactionOperations transactions;

	private final ProviderMetrics metrics;

	KeyValidation(ProviderKeyRepository keys, KeyEncryption encryption, OpenRouterClient openRouter,
			ProviderAudit audit, TransactionOperations transactions, ProviderMetrics metrics) {
		this.metrics = metrics;
		this.keys = keys;
		this.encryption = encryption;
		this.openRouter = openRouter;
		this.audit = audit;
		this.transactions = transactions;
	}

	/**
	 * Validates every active key, least recently validated first; one key's failure never
	 * stops the others, an interrupt (the job ran too long) stops the run. Succeeded
	 * counts keys OpenRouter answered for (valid or invalidated), failed those left
	 * unchanged.
	 */
	RunCounts validateAll() {
		RunCounts counts = RunCounts.NONE;
		for (UUID id : this.keys.activeIds("last_validated_at")) {
			if (Thread.currentThread().isInterrupted()) {
				break;
			}
			Result result = validate(id);
			counts = counts.plus(result.outcome() != Outcome.UNCHANGED, 0);
		}
		return counts;
	}

	/** Validates one key now. */
	Result validate(UUID id) {
		ProviderKey key = this.keys.find(id).orElseThrow(() -> new ProviderKeyNotFound(id));
		try {
			KeyInfo info = check(key, this.encryption.decrypt(key.ciphertext(), key.id()));
			return new Result(id, Outcome.VALID, info.type(), null);
		}
		catch (OpenRouterFailure failure) {
			if (failure.rejectsKey()) {
				return new Result(id, Outcome.INVALIDATED, key.type(), failure.getMessage());
			}
			log.warn("Provider key {} ({}) not validated, unchanged until the next run: {}", id, key.keyPreview(),
					failure.getMessage());
			return new Result(id, Outcome.UNCHANGED, key.type(), failure.getMessage());
		}
		catch (KeyEncryption.UndecryptableKey ex) {
			log.error(ex.getMessage());
			return new Result(id, Outcome.UNCHANGED, key.type(), ex.getMessage());
		}
	}

	/**
	 * Calls {@code /key} with the key and records what it answered; a refusal marks the
	 * key inactive before the failure is rethrown.
	 */
	KeyInfo check(ProviderKey key, String plaintext) {
		try {
			KeyInfo info = this.openRouter.key(plaintext);
			this.keys.validated(key.id(), info, Instant.now());
			return info;
		}
		catch (OpenRouterFailure failure) {
			if (failure.rejectsKey()) {
				invalidate(key, failure);
			}
			throw failure;
		}
	}

	private void invalidate(ProviderKey key, OpenRouterFailure failure) {
		boolean changed = Boolean.TRUE.equals(this.transactions.execute((tx) -> {
			boolean invalidated = this.keys.invalidate(key.id(), Instant.now());
			if (invalidated) {
				this.audit.invalidated(key, failure.getMessage());
			}
			return invalidated;
		}));
		if (changed) {
			this.metrics.invalidated();
			log.warn("Provider key {} ({}) marked inactive: {}", key.id(), key.keyPreview(), failure.getMessage());
		}
	}

	/** What a validation did. */
	enum Outcome {

		/** OpenRouter accepted the key; its type and limits are recorded. */
		VALID,

		/** OpenRouter refused the key (401/403); it is now inactive. */
		INVALIDATED,

		/** No usable answer (network, 429, 5xx): nothing changed. */
		UNCHANGED

	}

	/**
	 * The outcome of validating one key.
	 *
	 * @param keyId the key
	 * @param outcome what happened
	 * @param keyType the key's type as now known
	 * @param message OpenRouter's message when it did not accept the key
	 */
	record Result(UUID keyId, Outcome outcome, @Nullable KeyType keyType, @Nullable String message) {
	}

}
