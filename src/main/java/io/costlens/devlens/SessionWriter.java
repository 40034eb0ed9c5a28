package io.costlens.devlens;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.datadoghq.sketch.ddsketch.DDSketch;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.costlens.devlens.DailyRollupRepository.LatencyKey;
import io.costlens.platform.GroupCommitter.BatchWriter;

/**
 * Writes a batch of sessions in one transaction: the sessions already stored under the
 * same trace hash are locked and updated, the others inserted, and the touched daily
 * roll-ups and latency sketches locked, merged and written back. Called by the group
 * committer's single writer thread; answers per session whether it was new.
 */
@Component
class SessionWriter implements BatchWriter<Session, Boolean> {

	private final SessionRepository sessions;

	private final DailyRollupRepository rollups;

	private final TransactionTemplate transaction;

	SessionWriter(SessionRepository sessions, DailyRollupRepository rollups, TransactionTemplate transaction) {
		this.sessions = sessions;
		this.rollups = rollups;
		this.transaction = transaction;
	}

	@Override
	public List<Boolean> write(List<Session> items) {
		List<Boolean> written = this.transaction.execute((status) -> writeInTransaction(items));
		return (written != null) ? written : List.of();
	}

	private List<Boolean> writeInTransaction(List<Session> items) {
		Instant now = Instant.now();
		Map<String, Session> stored = this.sessions.lock(items.stream().map(Session::traceHash).toList());
		Map<String, Session> inserts = new LinkedHashMap<>();
		Map<String, Session> updates = new LinkedHashMap<>();
		Map<DailyKey, DailyRollup> deltas = new TreeMap<>();
		Map<LatencyKey, DDSketch> latencies = new TreeMap<>();
		List<Boolean> results = new ArrayList<>(items.size());
		for (Session session : items) {
			DailyRollup delta = deltas.computeIfAbsent(DailyKey.of(session), (k) -> new DailyRollup());
			Session previous = inserts.containsKey(session.traceHash()) ? inserts.get(session.traceHash())
					: updates.containsKey(session.traceHash()) ? updates.get(session.traceHash())
							: stored.get(session.traceHash());
			if (previous == null) {
				delta.add(session);
				latencies
					.computeIfAbsent(new LatencyKey(session.eventDate(), session.trace().repoSlug()),
							(k) -> LatencySketch.empty())
					.accept(session.trace().latencyMs());
				inserts.put(session.traceHash(), session);
				results.add(true);
			}
			else {
				delta.replace(previous, session);
				if (inserts.containsKey(session.traceHash())) {
					inserts.put(session.traceHash(), session);
				}
				else {
					updates.put(session.traceHash(), session);
				}
				results.add(false);
			}
		}
		this.sessions.insertAll(List.copyOf(inserts.values()), now);
		this.sessions.updateAll(List.copyOf(updates.values()), now);
		mergeRollups(deltas);
		mergeLatencies(latencies);
		return results;
	}

	private void mergeRollups(Map<DailyKey, DailyRollup> deltas) {
		Map<DailyKey, DailyRollup> existing = this.rollups.lock(deltas.keySet());
		Map<DailyKey, DailyRollup> created = new TreeMap<>();
		deltas.forEach((key, delta) -> {
			DailyRollup row = existing.get(key);
			if (row != null) {
				row.merge(delta);
			}
			else {
				created.put(key, delta);
			}
		});
		this.rollups.update(existing);
		this.rollups.insert(created);
	}

	private void mergeLatencies(Map<LatencyKey, DDSketch> latencies) {
		Map<LatencyKey, DDSketch> existing = this.rollups.lockLatencies(latencies.keySet());
		Map<LatencyKey, DDSketch> created = new TreeMap<>();
		latencies.forEach((key, sketch) -> {
			DDSketch row = existing.get(key);
			if (row != null) {
				row.mergeWith(sketch);
			}
			else {
				created.put(key, sketch);
			}
		});
		this.rollups.saveLatencies(existing, true);
		this.rollups.saveLatencies(created, false);
	}

}
