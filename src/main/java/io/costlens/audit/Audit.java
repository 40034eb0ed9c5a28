package io.costlens.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.costlens.audit.AuditRepository.ChainHead;
import io.costlens.platform.Page;

/**
 * The audit log: writes published {@link AuditEvent}s as chained entries, lists them and
 * checks the chain. Appends lock the chain head row in the database, so concurrent
 * writers (threads or instances) queue up and the chain never forks.
 */
@Service
public class Audit {

	private static final int BATCH = 500;

	private final AuditRepository entries;

	private final TransactionTemplate transaction;

	private final JsonMapper json = JsonMapper.builder().build();

	Audit(AuditRepository entries, TransactionTemplate transaction) {
		this.entries = entries;
		this.transaction = transaction;
	}

	/**
	 * Records the event synchronously, in the publisher's transaction when there is one.
	 */
	@EventListener
	void on(AuditEvent event) {
		this.transaction.executeWithoutResult((status) -> append(event));
	}

	private void append(AuditEvent event) {
		ChainHead head = this.entries.lockHead();
		AuditEntry entry = new AuditEntry(head.lastId() + 1, Instant.now().truncatedTo(ChronoUnit.MILLIS),
				truncate(event.actor(), 100), event.eventType(), event.action(), event.resourceType(),
				truncate(event.resourceId(), 100), this.json.writeValueAsString(event.details()),
				truncate(event.clientIp(), 64), head.lastHash(), "")
			.sealed();
		this.entries.append(entry);
	}

	/** The entries that match, newest first. */
	public Page<AuditEntry> find(AuditQuery query) {
		return this.entries.find(query);
	}

	/**
	 * Walks the chain from its oldest entry. The oldest entry's {@code prev_hash} is
	 * taken as given once retention has removed older ones; every later entry must follow
	 * its predecessor's id and hash, and the last must be the recorded chain head.
	 */
	public Verification verify() {
		long checked = 0;
		@Nullable AuditEntry previous = null;
		long after = 0;
		while (true) {
			List<AuditEntry> batch = this.entries.after(after, BATCH);
			for (AuditEntry entry : batch) {
				boolean linked = (previous == null) ? entry.id() > 1 || entry.prevHash().equals(AuditEntry.GENESIS)
						: entry.id() == previous.id() + 1 && entry.prevHash().equals(previous.hash());
				if (!linked || !entry.hash().equals(entry.expectedHash())) {
					return new Verification(false, checked, entry.id());
				}
				checked++;
				previous = entry;
			}
			if (batch.size() < BATCH) {
				break;
			}
			after = batch.get(batch.size() - 1).id();
		}
		ChainHead head = this.entries.head();
		if (previous != null && !(head.lastId() == previous.id() && head.lastHash().equals(previous.hash()))) {
			// entries after the last one found were deleted
			return new Verification(false, checked, previous.id() + 1);
		}
		return new Verification(true, checked, null);
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
	 */
	public record Verification(boolean valid, long checked, @Nullable Long firstBrokenId) {
	}

}
