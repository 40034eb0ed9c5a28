package io.costlens.inspection;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * The ceiling /ingest/batch is compared with: how many of the batch file's messages
 * Inspection (the application's own class, as the server runs it) inspects per second
 * on all cores, one thread per core, nothing else. Usage: InspectionCeiling file.ndjson
 * warmupSeconds measureSeconds. Prints "inspection ceiling: N messages/s on C threads".
 * It sits in the inspection package because Inspection's constructor is package-private.
 */
public final class InspectionCeiling {

	public static void main(String[] args) throws Exception {
		List<String> messages = BatchMessages.read(Path.of(args[0]));
		Inspection inspection = new Inspection(new PiiDetector(), new TokenCounter(TokenEncoding.CL100K_BASE));
		int threads = Runtime.getRuntime().availableProcessors();
		run(inspection, messages, threads, Long.parseLong(args[1]));
		double rate = run(inspection, messages, threads, Long.parseLong(args[2]));
		System.out.printf("inspection ceiling: %.0f messages/s on %d threads%n", rate, threads);
	}

	private static double run(Inspection inspection, List<String> messages, int threads, long seconds)
			throws InterruptedException {
		AtomicBoolean stop = new AtomicBoolean();
		LongAdder done = new LongAdder();
		Thread[] workers = new Thread[threads];
		for (int t = 0; t < threads; t++) {
			int offset = t * (messages.size() / threads);
			workers[t] = Thread.ofPlatform().start(() -> {
				long sink = 0;
				for (int i = offset; !stop.get(); i++) {
					sink += inspection.inspect(messages.get(i % messages.size())).tokenCount();
					done.increment();
				}
				if (sink == 42) {
					System.out.print("");
				}
			});
		}
		long start = System.nanoTime();
		Thread.sleep(seconds * 1000);
		stop.set(true);
		for (Thread worker : workers) {
			worker.join();
		}
		return done.sum() / ((System.nanoTime() - start) / 1e9);
	}

}
