package io.costlens.inspection;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

import org.postgresql.PGConnection;

/**
 * PostgreSQL's own floor under /ingest/batch: how many of the batch file's messages, already
 * inspected and formed into COPY rows before the clock starts, PostgreSQL stores per second
 * into {@code scenario_logs} (the same table, the same indexes) on as many connections as
 * the batch run, one COPY of 10 000 rows and one commit per transaction, as the
 * application's group committer does. Only the ids change between copies (random UUIDs, or
 * time-ordered ones with {@code ordered}). Usage: CopyFloor file.ndjson jdbcUrl user
 * connections warmupSeconds measureSeconds [random|ordered]. Prints "copy floor: N rows/s on
 * C connections", then the CPU time per row the whole machine spent during the measurement
 * (from /proc/stat) and the part this process spent (forming the COPY text): on a machine
 * that runs nothing else, the difference is PostgreSQL's. It sits in the inspection package
 * because Inspection's constructor is package-private.
 */
public final class CopyFloor {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSSxxx");

	public static void main(String[] args) throws Exception {
		List<String> messages = BatchMessages.read(Path.of(args[0]));
		String url = args[1];
		String user = args[2];
		int connections = Integer.parseInt(args[3]);
		boolean ordered = args.length > 6 && args[6].equals("ordered");
		Inspection inspection = new Inspection(new PiiDetector(), new TokenCounter(TokenEncoding.CL100K_BASE));
		UUID scenario = UUID.randomUUID();
		String at = TIME.format(Instant.now().atOffset(ZoneOffset.UTC));
		// every column after the id, as the application writes it
		List<String> tails = new ArrayList<>();
		for (String message : messages) {
			InspectedMessage i = inspection.inspect(message);
			tails.add("\t" + scenario + "\t" + at + "\t" + i.messageHash() + "\t" + escape(i.preview()) + "\tbench\t"
					+ i.sizeBytes() + "\t" + (i.hasPii() ? 't' : 'f') + "\t"
					+ String.join(",", i.piiTypes().stream().map(PiiType::value).toList()) + "\t" + i.tokenCount()
					+ "\t" + i.sqsBlocks() + "\n");
		}
		run(url, user, connections, tails, ordered, Long.parseLong(args[4]));
		long machineBefore = machineCpuNanos();
		long ownBefore = ownCpuNanos();
		long rows = run(url, user, connections, tails, ordered, Long.parseLong(args[5]));
		long elapsed = lastElapsed;
		double machine = (machineCpuNanos() - machineBefore) / 1e3 / rows;
		double own = (ownCpuNanos() - ownBefore) / 1e3 / rows;
		System.out.printf("copy floor: %.0f rows/s on %d connections (%s ids)%n", rows / (elapsed / 1e9), connections,
				ordered ? "time-ordered" : "random");
		System.out.printf("cpu per row: machine %.2f us, this process %.2f us, the rest %.2f us%n", machine, own,
				machine - own);
	}

	private static long lastElapsed;

	/** CPU time of every core since boot, from /proc/stat (user, nice, system, irq, softirq). */
	private static long machineCpuNanos() throws Exception {
		String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
		long ticks = Long.parseLong(cpu[1]) + Long.parseLong(cpu[2]) + Long.parseLong(cpu[3])
				+ Long.parseLong(cpu[6]) + Long.parseLong(cpu[7]);
		return ticks * 10_000_000L; // USER_HZ = 100 on Linux
	}

	private static long ownCpuNanos() {
		return ProcessHandle.current().info().totalCpuDuration().orElseThrow().toNanos();
	}

	/** Copies until the time is up; returns the rows committed. */
	private static long run(String url, String user, int connections, List<String> tails, boolean ordered,
			long seconds) throws Exception {
		AtomicBoolean stop = new AtomicBoolean();
		LongAdder done = new LongAdder();
		List<Thread> workers = new ArrayList<>();
		for (int t = 0; t < connections; t++) {
			Connection connection = DriverManager.getConnection(url, user, "");
			connection.setAutoCommit(false);
			workers.add(Thread.ofPlatform().start(() -> {
				try (connection) {
					StringBuilder text = new StringBuilder(tails.size() * 800);
					while (!stop.get()) {
						text.setLength(0);
						for (String tail : tails) {
							text.append(ordered ? timeOrdered() : UUID.randomUUID()).append(tail);
						}
						connection.unwrap(PGConnection.class)
							.getCopyAPI()
							.copyIn("copy scenario_logs (id, scenario_id, received_at, message_hash, message_preview, "
									+ "source, size_bytes, has_pii, pii_types, token_count, sqs_blocks) from stdin",
									new StringReader(text.toString()));
						connection.commit();
						done.add(tails.size());
					}
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
			}));
		}
		long start = System.nanoTime();
		Thread.sleep(seconds * 1000);
		stop.set(true);
		for (Thread worker : workers) {
			worker.join();
		}
		lastElapsed = System.nanoTime() - start;
		return done.sum();
	}

	/** A version 7 UUID: 48 bits of Unix milliseconds, then random bits. */
	private static UUID timeOrdered() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		long high = (System.currentTimeMillis() << 16) | 0x7000L | (random.nextLong() & 0x0FFFL);
		long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
		return new UUID(high, low);
	}

	private static String escape(String value) {
		return value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
	}

}
