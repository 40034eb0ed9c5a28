package io.costlens.scenarios;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

import io.costlens.inspection.InspectedMessage;
import io.costlens.inspection.Inspection;
import io.costlens.inspection.PiiType;
import io.costlens.platform.Caches;
import io.costlens.platform.GroupCommitter;
import io.costlens.platform.WorkBudget;

/**
 * Ingests log messages into a running scenario: inspects each message on the caller's
 * thread (hash, masked preview, PII, tokens, SQS blocks), hands the result to the group
 * committer and returns once it is durable.
 */
@Service
class Ingestion {

	private final RunningScenarios running;

	private final Inspection inspector;

	private final GroupCommitter<StoredLog, LogWriter.Outcome> committer;

	private final WorkBudget budget;

	private final Counter ingested;

	private final Map<String, Counter> piiFound;

	private final Caches caches;

	private final Counter tokens;

	private final Counter bytes;

	private final Counter sqsBlocks;

	Ingestion(RunningScenarios running, Inspection inspector, GroupCommitter<StoredLog, LogWriter.Outcome> committer,
			WorkBudget budget, MeterRegistry meters, ObjectProvider<Caches> caches) {
		this.caches = caches.getIfAvailable(Caches::none);
		this.running = running;
		this.inspector = inspector;
		this.committer = committer;
		this.budget = budget;
		this.ingested = meters.counter("costlens.logs.ingested");
		this.piiFound = new HashMap<>();
		for (PiiType type : PiiType.values()) {
			this.piiFound.put(type.value(),
					Counter.builder("costlens.pii.found")
						.description("Ingested messages with PII of this type")
						.tag("type", type.value())
						.register(meters));
		}
		this.tokens = Counter.builder("costlens.logs.tokens")
			.description("BPE tokens of the ingested messages (the Bedrock cost driver)")
			.register(meters);
		this.bytes = Counter.builder("costlens.logs.bytes")
			.description("UTF-8 bytes of the ingested messages")
			.baseUnit("bytes")
			.register(meters);
		this.sqsBlocks = Counter.builder("costlens.logs.sqs.blocks")
			.description("64 KiB SQS blocks of the ingested messages (the SQS cost driver)")
			.register(meters);
	}

	/** Stores one message; returns after its transaction committed. */
	StoredLog ingest(UUID scenarioId, IncomingLog log) {
		return ingestAll(scenarioId, List.of(log)).get(0);
	}

	/** Stores messages in one transaction, all or none; returns after it committed. */
	List<StoredLog> ingestAll(UUID scenarioId, List<IncomingLog> logs) {
		Instant now = Instant.now();
		return ingestAt(scenarioId, logs, (i) -> now);
	}

	/**
	 * Stores messages received at the given moments (sample data that covers a past
	 * month), as {@link #ingestAll} does.
	 */
	List<StoredLog> ingestAt(UUID scenarioId, List<IncomingLog> logs, IntFunction<Instant> receivedAt) {
		this.running.check(scenarioId);
		// inspection is CPU work: a bounded pool spreads a large batch over the cores it
		// may use
		List<StoredLog> stored = this.budget.map(IntStream.range(0, logs.size()).boxed().toList(),
				(i) -> logs.get(i).message().length(), (i) -> inspect(scenarioId, logs.get(i), receivedAt.apply(i)));
		List<LogWriter.Outcome> outcomes;
		try {
			outcomes = this.committer.writeAll(stored);
		}
		finally {
			// also when the wait for the commit failed: the batch may have committed all
			// the
			// same
			this.caches.changed(Scenarios.dataSet(scenarioId));
			this.caches.changed(Scenarios.COSTS);
			Instant settled = ScenarioCosts.settledBefore(Instant.now());
			if (stored.stream().anyMatch((log) -> log.receivedAt().isBefore(settled))) {
				this.caches.changed(ScenarioCosts.SETTLED);
			}
		}
		if (outcomes.contains(LogWriter.Outcome.SCENARIO_NOT_RUNNING)) {
			throw this.running.refusal(scenarioId);
		}
		this.ingested.increment(stored.size());
		for (StoredLog log : stored) {
			for (String type : log.piiTypes()) {
				Counter found = this.piiFound.get(type);
				if (found != null) {
					found.increment();
				}
			}
		}
		this.tokens.increment(stored.stream().mapToLong(StoredLog::tokenCount).sum());
		this.bytes.increment(stored.stream().mapToLong(StoredLog::sizeBytes).sum());
		this.sqsBlocks.increment(stored.stream().mapToLong(StoredLog::sqsBlocks).sum());
		return stored;
	}

	/**
	 * Waits until every message accepted before has been written, at most the commit
	 * timeout; returns how many accepted since are still pending.
	 */
	int flush() {
		this.committer.awaitFlush();
		return this.committer.pending();
	}

	private StoredLog inspect(UUID scenarioId, IncomingLog log, Instant receivedAt) {
		InspectedMessage i = this.inspector.inspect(log.message());
		return new StoredLog(UUID.randomUUID(), scenarioId, receivedAt, i.messageHash(), i.preview(), log.source(),
				i.sizeBytes(), i.hasPii(), i.piiTypes().stream().map(PiiType::value).toList(), i.tokenCount(),
				i.sqsBlocks());
	}

}
