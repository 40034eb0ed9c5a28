package io.costlens.platform;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Bounds CPU-heavy work in flight: the work runs on a small pool of platform threads (one
 * fewer than the cores by default), and at most a budget of bytes may be worked on or
 * wait at once; a request beyond it waits briefly, then gets 503 with
 * {@code Retry-After}. Request threads are virtual and share as many carriers as there
 * are cores: without this, 20 concurrent 1 MiB messages held every carrier for seconds
 * and an anonymous {@code /health} took 14 s to answer.
 */
public final class WorkBudget implements AutoCloseable {

	private static final int KIB = 1024;

	private final String name;

	private final WorkBudgetProperties properties;

	private final ExecutorService pool;

	private final Semaphore kibibytes;

	private final int budget;

	private final int threads;

	private WorkBudget(String name, WorkBudgetProperties properties) {
		this.name = name;
		this.properties = properties;
		this.threads = properties.poolSize();
		AtomicInteger count = new AtomicInteger();
		this.pool = Executors.newFixedThreadPool(this.threads, (task) -> {
			Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
		this.budget = (int) Math.min(Integer.MAX_VALUE, properties.maxBytesInFlight().toBytes() / KIB);
		this.kibibytes = new Semaphore(this.budget, true);
	}

	/**
	 * A budget with its own threads, named for what it does (e.g. {@code inspection}).
	 */
	public static WorkBudget start(String name, WorkBudgetProperties properties) {
		return new WorkBudget(name, properties);
	}

	/**
	 * Applies the work to every item, within the budget, keeping the order.
	 * @param items what to work on
	 * @param bytes how much text an item is (its work is about proportional)
	 * @param work the work on one item
	 * @throws Overloaded when the budget has no room within the configured wait
	 */
	public <T, R> List<R> map(List<T> items, ToLongFunction<T> bytes, Function<T, R> work) {
		long total = items.stream().mapToLong(bytes).sum();
		if (total < this.properties.inlineBelow().toBytes()) {
			return items.stream().map(work).toList();
		}
		int permits = (int) Math.min(this.budget, Math.max(1, total / KIB));
		acquire(permits);
		try {
			return run(items, work);
		}
		finally {
			this.kibibytes.release(permits);
		}
	}

	/** How many bytes of work are in flight or waiting now, rounded to KiB. */
	public long bytesInFlight() {
		return (long) (this.budget - this.kibibytes.availablePermits()) * KIB;
	}

	private void acquire(int permits) {
		try {
			if (!this.kibibytes.tryAcquire(permits, this.properties.maxWait().toNanos(), TimeUnit.NANOSECONDS)) {
				throw new Overloaded(
						"Too much " + this.name + " work in flight (over "
								+ this.properties.maxBytesInFlight().toMegabytes() + " MB); retry shortly",
						this.properties.retryAfter());
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new Overloaded("Interrupted while waiting for " + this.name + " capacity",
					this.properties.retryAfter());
		}
	}

	@SuppressWarnings("unchecked")
	private <T, R> List<R> run(List<T> items, Function<T, R> work) {
		Object[] results = new Object[items.size()];
		int size = (items.size() + this.threads - 1) / this.threads;
		List<CompletableFuture<Void>> parts = new ArrayList<>();
		for (int start = 0; start < items.size(); start += size) {
			int from = start;
			int to = Math.min(items.size(), start + size);
			parts.add(CompletableFuture.runAsync(CorrelationId.carry(() -> {
				for (int i = from; i < to; i++) {
					results[i] = work.apply(items.get(i));
				}
			}), this.pool));
		}
		try {
			CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new)).join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException failure) {
				throw failure;
			}
			throw ex;
		}
		return (List<R>) Arrays.asList(results);
	}

	@Override
	public void close() {
		this.pool.shutdownNow();
	}

}
