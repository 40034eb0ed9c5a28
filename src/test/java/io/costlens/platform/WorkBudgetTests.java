package io.costlens.platform;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class WorkBudgetTests {

	@Test
	void keepsTheOrderOfTheItemsItSpreadsOverItsThreads() {
		try (WorkBudget budget = WorkBudget.start("test", properties(2, "1MB", "0s", "0B"))) {
			List<Integer> items = IntStream.range(0, 1000).boxed().toList();

			assertThat(budget.map(items, (i) -> 1L, (i) -> i * 2)).isEqualTo(items.stream().map((i) -> i * 2).toList());
		}
	}

	@Test
	void runsLargeWorkOffTheCallersThreadAndSmallWorkOnIt() {
		try (WorkBudget budget = WorkBudget.start("test", properties(1, "1MB", "0s", "64KB"))) {
			String caller = Thread.currentThread().getName();

			assertThat(budget.map(List.of("small"), (s) -> 5L, (s) -> Thread.currentThread().getName()))
				.containsExactly(caller);
			assertThat(budget.map(List.of("large"), (s) -> 100_000L, (s) -> Thread.currentThread().getName()))
				.containsExactly("test-1");
		}
	}

	@Test
	void answersServiceUnavailableWithRetryAfterWhileTheBudgetIsSpent() throws Exception {
		try (WorkBudget budget = WorkBudget.start("test", properties(1, "1MB", "0s", "0B"))) {
			CountDownLatch started = new CountDownLatch(1);
			CountDownLatch release = new CountDownLatch(1);
			CompletableFuture<List<Boolean>> running = CompletableFuture
				.supplyAsync(() -> budget.map(List.of("x"), (s) -> 2_000_000L, (s) -> {
					started.countDown();
					return await(release);
				}));
			assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

			assertThatExceptionOfType(Overloaded.class)
				.isThrownBy(() -> budget.map(List.of("y"), (s) -> 2048L, (s) -> s))
				.satisfies((ex) -> assertThat(ex.headers()).containsEntry("Retry-After", "2"));
			assertThat(budget.bytesInFlight()).isEqualTo(1024 * 1024);

			release.countDown();
			assertThat(running.get(10, TimeUnit.SECONDS)).containsExactly(true);
			assertThat(budget.map(List.of("y"), (s) -> 2048L, (s) -> s)).containsExactly("y");
			assertThat(budget.bytesInFlight()).isZero();
		}
	}

	private static boolean await(CountDownLatch latch) {
		try {
			return latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private static WorkBudgetProperties properties(int threads, String budget, String wait, String inline) {
		return new WorkBudgetProperties(threads, DataSize.parse(budget), Duration.parse("PT" + wait.toUpperCase()),
				DataSize.parse(inline), Duration.ofSeconds(2));
	}

}
