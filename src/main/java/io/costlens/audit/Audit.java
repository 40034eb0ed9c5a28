package io.costlens.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.costlens.audit.AuditRepository.ChainHead;
import io.costlens.audit.AuditRepository.Pending;
import io.costlens.platform.Caches;
import io.costlens.platform.Page;

/**
 * The audit log: writes published {@link AuditEvent}s, links them into the hash chain,
 * lists them and checks the chain.
 * <p>
 * An event is written as a pending entry in the publisher's transaction, with a plain
 * insert that takes no lock, so requests never queue on the chain. {@link #seal()} (run
 * every {@code costlens.audit.seal-interval} by {@link AuditSealer}, and before every
 * list and verify) links the pending entries into the chain in batches: it locks the
 * chain head row once per batch, so only one sealer works at a time across all instances
 * and the chain never forks.
 */
@Service
public class Audit {

	private static final int BATCH = 500;

	/** Most pending entries one seal transaction links. */
	static final int SEAL_BATCH = 1000;

	private final AuditRepository entries;

	private final TransactionTemplate transaction;

	private final JsonMapper json = JsonMapper.builder().build();

	/**
	 * The data set of the audit log as a page lists it: every entry recorded or deleted
	 * marks it changed.
	 */
	public static final String DATA = "audit";

	private final Caches caches;

	Audit(AuditRepository entries, TransactionTemplate transaction, ObjectProvider<Caches> caches) {
		this.entries = entries;
		this.transaction = transaction;
		this.caches = caches.getIfAvailable(Caches::none);
	}

	/**
	 * Records the event synchronously, in the publisher's transaction when there is one,
	 * as a pending entry that the next seal links into the chain.
	 */
	@EventListener
	void on(AuditEvent event) {
		this.transaction.executeWithoutResult((status) -> this.entries
			.appendPending(new AuditEntry(0, Instant.now().truncatedTo(ChronoUnit.MILLIS), truncate(event.actor(), 100),
					event.eventType(), event.action(), event.resourceType(), truncate(event.resourceId(), 100),
					this.json.writeValueAsString(event.details()), truncate(event.clientIp(), 64), "", "")));
		this.caches.changed(DATA);
	}

	/**
	 * Links every entry that was committed pending into the chain, waiting for a sealer
	 * of another instance to finish first.
	 * @return how many entries were sealed here
	 */
	public long seal() {
		return seal(false);
	}

	/**
	 * Links pending entries into the chain, in batches of {@value #SEAL_BATCH}, each in
	 * one transaction holding the chain head.
	 * @param skipIfBusy return at once when another sealer holds the chain head
	 */
	long seal(boolean skipIfBusy) {
		long sealed = 0;
		while (true) {
			Integer batch = this.transaction.execute((status) -> {
				Optional<ChainHead> locked = this.entries.lockHead(skipIfBusy);
				if (locked.isEmpty()) {
					return 0;
				}
				List<Pending> pending = this.entries.pending(SEAL_BATCH);
				if (pending.isEmpty()) {
					return 0;
				}
				ChainHead head = locked.get();
				List<AuditEntry> linked = new ArrayList<>(pending.size());
				long id = head.lastId();
				String previous = head.lastHash();
				for (Pending p : pending) {
					AuditEntry e = p.entry();
					AuditEntry entry = new AuditEntry(++id, e.occurredAt(), e.actor(), e.eventType(), e.action(),
							e.resourceType(), e.resourceId(), e.details(), e.clientIp(), previous, "")
						.sealed();
					linked.add(entry);
					previous = entry.hash();
				}
				this.entries.seal(linked, pending.stream().map(Pending::pendingId).toList());
				return linked.size();
			});
			int count = (batch != null) ? batch : 0;
			sealed += count;
			if (count < SEAL_BATCH) {
				return sealed;
			}
		}
	}

	/** The entries that match, newest first (entries still pending are sealed first). */
	public Page<AuditEntry> find(AuditQuery query) {
		seal();
		return this.entries.find(query);
	}

	/**
	 * Walks the chain from its oldest entry. The oldest entry's {@code prev_hash} is
	 * taken as given once retention has removed older ones; every later entry must follow
	 * its predecessor's id and hash, and the last must be the recorded chain head. Seals
	 * what is pending first; entries that arrive while it walks are counted as unsealed.
	 */
	public Verification verify() {
		seal();
		// the walk ends at the head as it is now; entries sealed meanwhile are left for
		// the next walk
		ChainHead head = this.entries.head();
		long checked = 0;
		@Nullable AuditEntry previous = null;
		long after = 0;
		while (true) {
			List<AuditEntry> batch = this.entries.after(after, head.lastId(), BATCH);
			for (AuditEntry entry : batch) {
				boolean linked = (previous == null) ? entry.id() > 1 || entry.prevHash().equals(AuditEntry.GENESIS)
						: entry.id() == previous.id() + 1 && entry.prevHash().equals(previous.hash());
				if (!linked || !entry.hash().equals(entry.expectedHash())) {
					return new Verification(false, checked, entry.id(), this.entries.pendingCount());
				}
				checked++;
				previous = entry;
			}
			if (batch.size() < BATCH) {
				break;
			}
			after = batch.get(batch.size() - 1).id();
		}
		if (previous != null && !(head.lastId() == previous.id() && head.lastHash().equals(previous.hash()))) {
			// entries after the last one found were deleted
			return new Verification(false, checked, previous.id() + 1, this.entries.pendingCount());
		}
		return new Verification(true, checked, null, this.entries.pendingCount());
	}

	private static @Nullable String truncate(@Nullable String value, int max) {
		return (value == null || value.length() <= max) ? value : value.substring(0, max);
	}

	/**
	 * What a walk of the chain found.
	 *
	 * @param valid whether every entry is intact and linked to its predecessor
	 * @param checked how many entries were intact before the first broken one
	 * @param firstBrokenId the id of the first entry that was changed, inserted or
	 * follows a gap; {@code null} when the chain is intact
	 * @param unsealed how many entries were written after the walk began and wait to be
	 * linked (the next seal links them; they are not covered by this walk)
	 */
	public record Verification(boolean valid, long checked, @Nullable Long firstBrokenId, long unsealed) {
	}

}
