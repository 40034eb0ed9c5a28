package io.costlens.platform;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.TransientDataAccessException;

import io.costlens.platform.idempotency.LateCommits;

/**
 * Group commit for a write path: request threads hand their items over, one writer thread
 * takes whatever is waiting (up to {@link GroupCommitProperties#maxBatchSize()} items,
 * optionally lingering {@link GroupCommitProperties#maxWait()} for more), writes them
 * with one call of the {@link BatchWriter} (one transaction), and only then completes
 * every waiting request. So a request is answered after its data is durable, and many
 * concurrent requests share one commit instead of paying one each.
 * <p>
 * The queue is bounded by {@link GroupCommitProperties#capacity()} items: a submit that
 * does not fit is refused at once with {@link Overloaded} (503, {@code Retry-After});
 * nothing accepted is ever dropped. Items submitted together ({@link #submitAll}) always
 * go into the same transaction, so a batch request is all-or-nothing. A write that fails
 * with a transient database error (a deadlock, or another instance winning the race to
 * insert the same roll-up row: {@link TransientDataAccessException},
 * {@link DuplicateKeyException}) is retried up to
 * {@link GroupCommitProperties#maxAttempts()} times, pausing
 * {@link GroupCommitProperties#retryBackoff()} (doubled each time) between attempts; any
 * other failure fails every request of that batch, so the writer must only be given items
 * that were validated before.
 * <p>
 * {@link #close()} stops taking items, writes everything already accepted and stops the
 * writer thread; a Spring bean gets it called at shutdown.
 *
 * @param <T> what a request submits
 * @param <R> what it gets back once committed (e.g. the row with its generated id)
 */
public final class GroupCommitter<T, R> implements AutoCloseable, MeterBinder {

	private static final Logger log = LoggerFactory.getLogger(GroupCommitter.class);

	private final String name;

	private final GroupCommitProperties settings;

	private final BatchWriter<T, R> writer;

	private final BlockingQueue<Entry<T, R>> queue = new LinkedBlockingQueue<>();

	private final Semaphore space;

	/**
	 * Submits share the read lock; close takes the write lock so nothing slips past it.
	 */
	private final ReadWriteLock closing = new ReentrantReadWriteLock();

	private final Thread thread;

	private boolean closed;

	private @Nullable Entry<T, R> carried;

	private volatile @Nullable Timer commits;

	private volatile @Nullable DistributionSummary batches;

	private volatile @Nullable Counter failures;

	private GroupCommitter(String name, GroupCommitProperties settings, BatchWriter<T, R> writer) {
		this.name = name;
		this.settings = settings;
		this.writer = writer;
		this.space = new Semaphore(settings.capacity());
		this.thread = Thread.ofPlatform().name("group-commit-" + name).daemon(true).unstarted(this::run);
	}

	/**
	 * Starts a group committer and its writer thread.
	 * @param name names the writer thread ({@code group-commit-<name>}) and log lines
	 * @param settings queue size, batch size, timeouts
	 * @param writer writes one batch in one transaction
	 * @return the running committer
	 */
	public static <T, R> GroupCommitter<T, R> start(String name, GroupCommitProperties settings,
			BatchWriter<T, R> writer) {
		GroupCommitter<T, R> committer = new GroupCommitter<>(name, settings, writer);
		committer.thread.start();
		return committer;
	}

	/**
	 * Queues one item.
	 * @param item the item to write
	 * @return completes with the item's result once its transaction committed, or
	 * exceptionally with the writer's failure
	 * @throws Overloaded when the queue is full or the committer is closed
	 */
	public CompletableFuture<R> submit(T item) {
		return submitAll(List.of(item)).thenApply((results) -> results.get(0));
	}

	/**
	 * Queues items that are written in one transaction, all or none.
	 * @param items the items to write, at most {@link GroupCommitProperties#capacity()}
	 * @return completes with one result per item, in order, once committed
	 * @throws Overloaded when they do not fit in the queue now or the committer is closed
	 * @throws IllegalArgumentException when there are more than the queue can ever hold
	 */
	public CompletableFuture<List<R>> submitAll(List<? extends T> items) {
		if (items.size() > this.settings.capacity()) {
			throw new IllegalArgumentException(
					"At most " + this.settings.capacity() + " items can be written together");
		}
		if (!this.space.tryAcquire(items.size())) {
			throw new Overloaded("Too many writes are waiting; try again shortly", this.settings.retryAfter());
		}
		Entry<T, R> entry = Entry.of(List.copyOf(items));
		if (!enqueue(entry)) {
			this.space.release(items.size());
			throw new Overloaded("The service is shutting down", this.settings.retryAfter());
		}
		return entry.future();
	}

	/**
	 * Writes one item and waits until it committed.
	 * @param item the item to write
	 * @return the item's result
	 * @throws Overloaded when the queue is full, or the write did not commit within
	 * {@link GroupCommitProperties#commitTimeout()} (it may still commit later)
	 */
	public R write(T item) {
		return await(submit(item));
	}

	/**
	 * Writes items in one transaction and waits until they committed.
	 * @param items the items to write
	 * @return one result per item, in order
	 * @throws Overloaded as {@link #write}
	 */
	public List<R> writeAll(List<? extends T> items) {
		return await(submitAll(items));
	}

	/**
	 * Completes once everything submitted before this call has been written (or failed).
	 * @return a future to wait on
	 */
	public CompletableFuture<Void> flush() {
		Entry<T, R> marker = Entry.of(List.of());
		if (!enqueue(marker)) {
			return CompletableFuture.completedFuture(null);
		}
		return marker.future().thenApply((ignored) -> null);
	}

	/**
	 * Waits until everything submitted before this call has been written (or failed).
	 * @throws Overloaded when that takes longer than
	 * {@link GroupCommitProperties#commitTimeout()}
	 */
	public void awaitFlush() {
		await(flush(), "Not every write accepted before was confirmed in time; they may still be stored");
	}

	/**
	 * The number of items accepted and not yet written.
	 * @return items waiting or being written
	 */
	public int pending() {
		return this.settings.capacity() - this.space.availablePermits();
	}

	/**
	 * Stops accepting items, writes every item already accepted, and stops the writer
	 * thread (waiting for it up to {@link GroupCommitProperties#commitTimeout()}).
	 */
	@Override
	public void close() {
		this.closing.writeLock().lock();
		try {
			if (this.closed) {
				return;
			}
			this.closed = true;
			this.queue.add(Entry.poison());
		}
		finally {
			this.closing.writeLock().unlock();
		}
		try {
			this.thread.join(this.settings.commitTimeout());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		this.commits = Timer.builder("costlens.group.commit")
			.description("Time to write and commit one group-commit batch")
			.tag("committer", this.name)
			.publishPercentileHistogram()
			.register(registry);
		this.batches = DistributionSummary.builder("costlens.group.commit.batch.size")
			.description("Items written in one group-commit transaction")
			.tag("committer", this.name)
			.serviceLevelObjectives(1, 10, 100, 1000, 10_000)
			.register(registry);
		this.failures = Counter.builder("costlens.group.commit.failures")
			.description("Group-commit batches that failed and were not stored")
			.tag("committer", this.name)
			.register(registry);
		Gauge.builder("costlens.group.commit.pending", this, GroupCommitter::pending)
			.description("Items accepted and not yet committed")
			.tag("committer", this.name)
			.register(registry);
		Gauge.builder("costlens.group.commit.capacity", this, (c) -> c.settings.capacity())
			.description("Most items that may wait for the writer; more are answered 503")
			.tag("committer", this.name)
			.register(registry);
	}

	private boolean enqueue(Entry<T, R> entry) {
		this.closing.readLock().lock();
		try {
			if (this.closed) {
				return false;
			}
			this.queue.add(entry);
			return true;
		}
		finally {
			this.closing.readLock().unlock();
		}
	}

	/**
	 * Waits for a future of {@link #submit} or {@link #submitAll}, as {@link #write}
	 * does, so a caller can keep a few submissions in flight and collect them later.
	 * @param <V> the result type
	 * @param future what a submit returned
	 * @return its result
	 * @throws Overloaded when it did not commit within the commit timeout
	 */
	public <V> V await(CompletableFuture<V> future) {
		return await(future, "The write was not confirmed in time; it may still be stored");
	}

	private <V> V await(CompletableFuture<V> future, String timeoutMessage) {
		try {
			return future.get(this.settings.commitTimeout().toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			LateCommits.timedOut(future);
			throw new Overloaded(timeoutMessage, this.settings.retryAfter());
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException failure) {
				throw failure;
			}
			throw new IllegalStateException("Group commit " + this.name + " failed", ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for a commit", ex);
		}
	}

	private void run() {
		List<Entry<T, R>> batch = new ArrayList<>();
		boolean stopping = false;
		while (!stopping || this.carried != null) {
			try {
				stopping = collect(batch) || stopping;
				commit(batch);
			}
			catch (InterruptedException ex) {
				// only close() ends the loop, through the poison entry
			}
			catch (RuntimeException | Error ex) {
				log.error("Group commit {}: writer loop failed; going on", this.name, ex);
			}
			finally {
				batch.clear();
			}
		}
		log.debug("Group commit {}: writer stopped", this.name);
	}

	/** Gathers the next batch; returns whether the poison entry was reached. */
	private boolean collect(List<Entry<T, R>> batch) throws InterruptedException {
		Entry<T, R> first = (this.carried != null) ? this.carried : this.queue.take();
		this.carried = null;
		if (first.isPoison()) {
			return true;
		}
		batch.add(first);
		int size = first.items().size();
		long deadline = System.nanoTime() + this.settings.maxWait().toNanos();
		while (size < this.settings.maxBatchSize()) {
			Entry<T, R> next = this.queue.poll();
			long left = deadline - System.nanoTime();
			if (next == null && left > 0) {
				next = pollUntil(left);
			}
			if (next == null) {
				return false;
			}
			if (next.isPoison()) {
				return true;
			}
			if (size + next.items().size() > this.settings.maxBatchSize()) {
				this.carried = next;
				return false;
			}
			batch.add(next);
			size += next.items().size();
		}
		return false;
	}

	private @Nullable Entry<T, R> pollUntil(long nanos) {
		try {
			return this.queue.poll(nanos, TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException ex) {
			return null;
		}
	}

	/**
	 * Writes one batch, frees its room in the queue, then answers each of its requests.
	 */
	private void commit(List<Entry<T, R>> batch) {
		List<T> items = batch.stream().<T>flatMap((entry) -> entry.items().stream()).toList();
		Written<R> written = items.isEmpty() ? new Written<>(List.of(), null) : write(items, batch.size());
		this.space.release(items.size());
		int offset = 0;
		for (Entry<T, R> entry : batch) {
			int size = entry.items().size();
			written.complete(entry.future(), offset, size);
			offset += size;
		}
	}

	private Written<R> write(List<T> items, int requests) {
		long started = System.nanoTime();
		try {
			List<R> results = writeWithRetries(items);
			long elapsed = System.nanoTime() - started;
			Timer timer = this.commits;
			if (timer != null) {
				timer.record(elapsed, TimeUnit.NANOSECONDS);
			}
			DistributionSummary sizes = this.batches;
			if (sizes != null) {
				sizes.record(items.size());
			}
			log.trace("Group commit {}: wrote {} items from {} requests in {} µs", this.name, items.size(), requests,
					elapsed / 1000);
			return new Written<>(results, null);
		}
		catch (RuntimeException | Error ex) {
			log.warn("Group commit {}: a batch of {} items failed", this.name, items.size(), ex);
			Counter failed = this.failures;
			if (failed != null) {
				failed.increment();
			}
			return new Written<>(List.of(), ex);
		}
	}

	private List<R> writeWithRetries(List<T> items) {
		for (int attempt = 1;; attempt++) {
			try {
				List<R> results = this.writer.write(items);
				if (results.size() != items.size()) {
					throw new IllegalStateException("The writer of " + this.name + " returned " + results.size()
							+ " results for " + items.size() + " items");
				}
				return results;
			}
			catch (TransientDataAccessException | DuplicateKeyException ex) {
				if (attempt >= this.settings.maxAttempts()) {
					throw ex;
				}
				log.debug("Group commit {}: attempt {} failed, retrying", this.name, attempt, ex);
				pause(this.settings.backoffAfter(attempt));
			}
		}
	}

	/** Lets the conflicting transaction finish before the next attempt. */
	private static void pause(Duration backoff) {
		try {
			Thread.sleep(backoff);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Writes one batch in one transaction.
	 *
	 * @param <T> the items
	 * @param <R> their results
	 */
	@FunctionalInterface
	public interface BatchWriter<T, R> {

		/**
		 * Writes the items in one transaction that has committed when this returns.
		 * Called on the writer thread only, never concurrently. Throwing rolls everything
		 * back and fails every request of the batch (or retries it, see
		 * {@link GroupCommitter}).
		 * @param items at least one item, in the order they were submitted
		 * @return one result per item, in the same order
		 */
		List<R> write(List<T> items);

	}

	/**
	 * Items submitted together and the future of their requests; the poison entry ends
	 * the writer.
	 */
	private record Entry<T, R>(List<T> items, CompletableFuture<List<R>> future, boolean isPoison) {

		static <T, R> Entry<T, R> of(List<T> items) {
			return new Entry<>(items, new CompletableFuture<>(), false);
		}

		static <T, R> Entry<T, R> poison() {
			return new Entry<>(List.of(), new CompletableFuture<>(), true);
		}

	}

	/**
	 * The results of a batch's items, or why it failed.
	 *
	 * @param results one per item, in order; empty when the batch failed
	 * @param failure what failed the whole batch, or {@code null}
	 */
	private record Written<R>(List<R> results, @Nullable Throwable failure) {

		void complete(CompletableFuture<List<R>> request, int offset, int size) {
			if (this.failure != null) {
				request.completeExceptionally(this.failure);
			}
			else {
				request.complete(List.copyOf(this.results.subList(offset, offset + size)));
			}
		}

	}

}
