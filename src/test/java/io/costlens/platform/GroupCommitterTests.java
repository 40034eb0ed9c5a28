package io.costlens.platform;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class GroupCommitterTests {

	private final List<GroupCommitter<?, ?>> started = new ArrayList<>();

	@AfterEach
	void closeAll() {
		this.started.forEach(GroupCommitter::close);
	}

	@Test
	void answersEveryConcurrentRequestWithItsOwnResultAndSharesTransactions() throws Exception {
		Ledger ledger = new Ledger(Duration.ofMillis(2));
		GroupCommitter<Integer, String> committer = start(settings(100_000, 500), ledger);
		int threads = 32;
		int perThread = 400;
		List<Future<List<String>>> results = new ArrayList<>();
		CountDownLatch go = new CountDownLatch(1);
		try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
			for (int t = 0; t < threads; t++) {
				int base = t * perThread;
				results.add(pool.submit(() -> {
					go.await();
					List<String> mine = new ArrayList<>();
					for (int i = 0; i < perThread; i++) {
						mine.add(committer.write(base + i));
					}
					return mine;
				}));
			}
			go.countDown();
			for (int t = 0; t < threads; t++) {
				List<String> mine = results.get(t).get(60, TimeUnit.SECONDS);
				for (int i = 0; i < perThread; i++) {
					assertThat(mine.get(i)).isEqualTo("stored " + (t * perThread + i));
				}
			}
		}
		List<Integer> all = new ArrayList<>(ledger.committed);
		Collections.sort(all);
		assertThat(all).hasSize(threads * perThread).doesNotHaveDuplicates();
		assertThat(all.get(0)).isZero();
		assertThat(all.get(all.size() - 1)).isEqualTo(threads * perThread - 1);
		assertThat(ledger.batches.get()).as("transactions for %d writes", all.size()).isLessThan(all.size() / 4);
		assertThat(ledger.largest.get()).isLessThanOrEqualTo(500);
		assertThat(committer.pending()).isZero();
	}

	@Test
	void keepsItemsSubmittedTogetherInOneTransaction() {
		Ledger ledger = new Ledger(Duration.ZERO);
		GroupCommitter<Integer, String> committer = start(settings(10_000, 10), ledger);

		List<String> results = committer.writeAll(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15));

		assertThat(results).hasSize(15).first().isEqualTo("stored 1");
		assertThat(ledger.largest.get()).isEqualTo(15);
	}

	@Test
	void refusesWhatDoesNotFitInTheQueueWithoutLosingWhatWasAccepted() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		Ledger ledger = new Ledger(Duration.ZERO) {
			@Override
			public List<String> write(List<Integer> items) {
				await(release);
				return super.write(items);
			}
		};
		GroupCommitter<Integer, String> committer = start(settings(3, 10), ledger);
		CompletableFuture<String> first = committer.submit(1);
		CompletableFuture<List<String>> rest = committer.submitAll(List.of(2, 3));

		assertThatExceptionOfType(Overloaded.class).isThrownBy(() -> committer.submit(4))
			.satisfies((ex) -> assertThat(ex.retryAfter()).isEqualTo(Duration.ofSeconds(1)));
		release.countDown();

		assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("stored 1");
		assertThat(rest.get(10, TimeUnit.SECONDS)).containsExactly("stored 2", "stored 3");
		assertThat(committer.write(4)).isEqualTo("stored 4");
		assertThat(ledger.committed).containsExactlyInAnyOrder(1, 2, 3, 4);
	}

	@Test
	void failsEveryRequestOfAFailedBatchAndGoesOn() throws Exception {
		CountDownLatch entered = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		AtomicInteger calls = new AtomicInteger();
		GroupCommitter<Integer, String> committer = start(settings(100, 100), (items) -> {
			if (calls.incrementAndGet() == 1) {
				entered.countDown();
				await(release);
				return items.stream().map((i) -> "first " + i).toList();
			}
			if (items.contains(-1)) {
				throw new DataIntegrityViolationException("bad row");
			}
			return items.stream().map((i) -> "ok " + i).toList();
		});
		CompletableFuture<String> blocker = committer.submit(0);
		await(entered);
		CompletableFuture<String> good = committer.submit(1);
		CompletableFuture<String> bad = committer.submit(-1);
		release.countDown();

		assertThat(blocker.get(10, TimeUnit.SECONDS)).isEqualTo("first 0");
		assertThatExceptionOfType(DataIntegrityViolationException.class).isThrownBy(() -> await(good));
		assertThatExceptionOfType(DataIntegrityViolationException.class).isThrownBy(() -> await(bad));
		assertThat(committer.write(2)).isEqualTo("ok 2");
		assertThat(committer.pending()).isZero();
	}

	@Test
	void retriesABatchThatFailedTransiently() {
		AtomicInteger attempts = new AtomicInteger();
		GroupCommitter<Integer, String> committer = start(settings(100, 100), (items) -> {
			if (attempts.incrementAndGet() < 3) {
				throw new CannotAcquireLockException("deadlock");
			}
			return items.stream().map((i) -> "ok " + i).toList();
		});

		assertThat(committer.write(7)).isEqualTo("ok 7");
		assertThat(attempts).hasValue(3);
	}

	@Test
	void waitsLongerBeforeEachFurtherAttempt() {
		List<Long> attempts = new ArrayList<>();
		GroupCommitter<Integer, String> committer = start(new GroupCommitProperties(100, 100, Duration.ZERO,
				Duration.ofSeconds(30), 3, Duration.ofMillis(50), Duration.ofSeconds(1)), (items) -> {
					attempts.add(System.nanoTime());
					if (attempts.size() < 3) {
						throw new CannotAcquireLockException("deadlock");
					}
					return items.stream().map((i) -> "ok " + i).toList();
				});

		assertThat(committer.write(7)).isEqualTo("ok 7");
		assertThat(attempts.get(1) - attempts.get(0)).isGreaterThanOrEqualTo(Duration.ofMillis(50).toNanos());
		assertThat(attempts.get(2) - attempts.get(1)).isGreaterThanOrEqualTo(Duration.ofMillis(100).toNanos());
	}

	@Test
	void givesUpAfterTheLastAttempt() {
		AtomicInteger attempts = new AtomicInteger();
		GroupCommitter<Integer, String> committer = start(settings(100, 100), (items) -> {
			attempts.incrementAndGet();
			throw new CannotAcquireLockException("deadlock");
		});

		assertThatExceptionOfType(CannotAcquireLockException.class).isThrownBy(() -> committer.write(7));
		assertThat(attempts).hasValue(3);
	}

	@Test
	void writesEverythingAcceptedBeforeItCloses() throws Exception {
		Ledger ledger = new Ledger(Duration.ofMillis(5));
		GroupCommitter<Integer, String> committer = GroupCommitter.start("test", settings(10_000, 7), ledger);
		List<CompletableFuture<String>> futures = new ArrayList<>();
		for (int i = 0; i < 100; i++) {
			futures.add(committer.submit(i));
		}

		committer.close();

		for (CompletableFuture<String> future : futures) {
			assertThat(future).isCompleted();
		}
		assertThat(ledger.committed).hasSize(100);
		assertThatExceptionOfType(Overloaded.class).isThrownBy(() -> committer.submit(100));
	}

	@Test
	void flushWaitsForEverySubmittedItem() throws Exception {
		Ledger ledger = new Ledger(Duration.ofMillis(5));
		GroupCommitter<Integer, String> committer = start(settings(10_000, 3), ledger);
		for (int i = 0; i < 20; i++) {
			committer.submit(i);
		}

		committer.flush().get(10, TimeUnit.SECONDS);

		assertThat(ledger.committed).hasSize(20);
	}

	@Test
	void answersWithOverloadedWhenACommitTakesTooLong() {
		CountDownLatch release = new CountDownLatch(1);
		GroupCommitter<Integer, String> committer = start(new GroupCommitProperties(10, 10, Duration.ZERO,
				Duration.ofMillis(200), 1, Duration.ZERO, Duration.ofSeconds(2)), (items) -> {
					await(release);
					return items.stream().map(String::valueOf).toList();
				});
		try {
			assertThatExceptionOfType(Overloaded.class).isThrownBy(() -> committer.write(1))
				.withMessageContaining("not confirmed in time");
		}
		finally {
			release.countDown();
		}
	}

	@Test
	void givesUpWaitingForAFlushAfterTheCommitTimeout() {
		CountDownLatch release = new CountDownLatch(1);
		GroupCommitter<Integer, String> committer = start(new GroupCommitProperties(10, 10, Duration.ZERO,
				Duration.ofMillis(200), 1, Duration.ZERO, Duration.ofSeconds(2)), (items) -> {
					await(release);
					return items.stream().map(String::valueOf).toList();
				});
		try {
			CompletableFuture<String> stuck = committer.submit(1);

			assertThatExceptionOfType(Overloaded.class).isThrownBy(committer::awaitFlush)
				.withMessageContaining("Not every write accepted before was confirmed in time");
			assertThat(stuck).isNotDone();
		}
		finally {
			release.countDown();
		}
		committer.awaitFlush();
		assertThat(committer.pending()).isZero();
	}

	@Test
	void rejectsMoreItemsThanTheQueueCanEverHold() {
		GroupCommitter<Integer, String> committer = start(settings(2, 10), new Ledger(Duration.ZERO));

		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> committer.submitAll(List.of(1, 2, 3)));
	}

	private <T, R> GroupCommitter<T, R> start(GroupCommitProperties settings, GroupCommitter.BatchWriter<T, R> writer) {
		GroupCommitter<T, R> committer = GroupCommitter.start("test", settings, writer);
		this.started.add(committer);
		return committer;
	}

	private static GroupCommitProperties settings(int capacity, int maxBatchSize) {
		return new GroupCommitProperties(capacity, maxBatchSize, Duration.ZERO, Duration.ofSeconds(30), 3,
				Duration.ofMillis(1), Duration.ofSeconds(1));
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static <V> V await(CompletableFuture<V> future) throws Throwable {
		try {
			return future.get(10, TimeUnit.SECONDS);
		}
		catch (ExecutionException ex) {
			throw ex.getCause();
		}
	}

	/**
	 * A writer that records what it committed, taking a while per transaction as a
	 * database would.
	 */
	static class Ledger implements GroupCommitter.BatchWriter<Integer, String> {

		final List<Integer> committed = new CopyOnWriteArrayList<>();

		final AtomicInteger batches = new AtomicInteger();

		final AtomicInteger largest = new AtomicInteger();

		private final Duration commitTime;

		private final AtomicInteger concurrent = new AtomicInteger();

		Ledger(Duration commitTime) {
			this.commitTime = commitTime;
		}

		@Override
		public List<String> write(List<Integer> items) {
			assertThat(this.concurrent.incrementAndGet()).as("one writer at a time").isEqualTo(1);
			try {
				Thread.sleep(this.commitTime);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			this.committed.addAll(items);
			this.batches.incrementAndGet();
			this.largest.accumulateAndGet(items.size(), Math::max);
			this.concurrent.decrementAndGet();
			return items.stream().map((i) -> "stored " + i).toList();
		}

	}

}
