package io.costlens.reports;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;

/**
 * The per-log CSV on PostgreSQL: {@code COPY (select …) TO STDOUT (FORMAT csv)},
 * PostgreSQL's own CSV writer, whose rows {@link CopyCsvLines} turns into exactly the
 * lines {@link CsvReport}'s portable path prints (Commons CSV's RFC 4180 format: minimal
 * quoting, CRLF, {@link java.time.Instant} text for times), streamed row by row into the
 * output. No row becomes a Java object, which makes it several times faster than reading
 * them through JDBC, and PostgreSQL's CSV output costs the database far less than lines
 * built with SQL expressions. Elsewhere (H2) it declines and the portable path runs.
 * <p>
 * The copy reads on a connection of its own, since the report's file is written, in the
 * generator's transaction, while the rows are still coming: a connection busy with a
 * {@code COPY} can run nothing else.
 */
@Component
class PostgresLogCsv {

	/**
	 * The columns of {@link CsvReport#LOG_HEADER}, oldest first; the time as UTC
	 * {@code timestamp} text, which {@link CopyCsvLines} prints as an instant.
	 */
	private static final String QUERY = """
			copy (select id, received_at at time zone 'UTC', source, size_bytes, token_count, sqs_blocks, has_pii,
			             pii_types, message_hash, message_preview
			      from scenario_logs where scenario_id = '{scenario}' order by received_at, id)
			to stdout (format csv)""";

	private final DataSource dataSource;

	PostgresLogCsv(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/**
	 * Writes the header and one line per log of the scenario, oldest first. The copy runs
	 * on a thread of its own, a few blocks ahead of {@code out}, so that reading the rows
	 * and writing the report's chunks overlap; {@code out} gets whole blocks of
	 * {@link ChunkedOutput#CHUNK} bytes (the last one excepted), which it stores as they
	 * are.
	 * @return how many logs were written, or empty (nothing written) when the database is
	 * not PostgreSQL
	 */
	OptionalLong write(UUID scenarioId, OutputStream out) throws IOException {
		try (Connection connection = this.dataSource.getConnection()) {
			if (!connection.isWrapperFor(PGConnection.class)) {
				return OptionalLong.empty();
			}
			PGConnection postgres = connection.unwrap(PGConnection.class);
			byte[] header = (String.join(",", CsvReport.LOG_HEADER) + "\r\n").getBytes(StandardCharsets.US_ASCII);
			String query = QUERY.replace("{scenario}", scenarioId.toString());
			Handoff handoff = new Handoff();
			FutureTask<Long> copy = new FutureTask<>(() -> {
				try (OutputStream lines = handoff.input()) {
					lines.write(header);
					return copy(postgres, query, lines);
				}
			});
			// a platform thread: it blocks in socket reads all along, which a virtual
			// thread pays for with a park and an unpark each time
			Thread.ofPlatform().daemon().name("report-copy-" + scenarioId).start(copy);
			try {
				handoff.drainTo(out, copy);
				return OptionalLong.of(copy.get());
			}
			catch (ExecutionException ex) {
				throw rethrown(ex.getCause());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new InterruptedIOException("interrupted while copying the scenario's logs");
			}
			finally {
				// when out failed, the copy stops at its next block, before its
				// connection
				// closes
				handoff.abandon();
				awaitQuietly(copy);
			}
		}
		catch (SQLException ex) {
			throw new DataAccessResourceFailureException("COPY of the scenario's logs failed", ex);
		}
	}

	/** Runs the copy, writing each row as its CSV line; how many rows it copied. */
	private static long copy(PGConnection connection, String query, OutputStream lines)
			throws SQLException, IOException {
		CopyOut rows = connection.getCopyAPI().copyOut(query);
		try {
			CopyCsvLines csv = new CopyCsvLines();
			long count = 0;
			for (byte[] row = rows.readFromCopy(); row != null; row = rows.readFromCopy()) {
				csv.write(row, lines);
				count++;
			}
			return count;
		}
		finally {
			if (rows.isActive()) {
				rows.cancelCopy();
			}
		}
	}

	private static void awaitQuietly(Future<?> copy) {
		try {
			copy.get(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (ExecutionException | TimeoutException ex) {
			// its failure, if any, was reported already or is the reason we stop
		}
	}

	private static IOException rethrown(Throwable failure) {
		if (failure instanceof IOException io) {
			return io;
		}
		if (failure instanceof RuntimeException runtime) {
			throw runtime;
		}
		if (failure instanceof SQLException sql) {
			throw new DataAccessResourceFailureException("COPY of the scenario's logs failed", sql);
		}
		return new IOException(failure);
	}

	/**
	 * Blocks of {@link ChunkedOutput#CHUNK} bytes handed from the copying thread to the
	 * writing one and back: {@value #BLOCKS} blocks, reused, whatever the report's size,
	 * so the copy allocates nothing per block and the heap stays flat.
	 */
	private static final class Handoff {

		private static final int BLOCKS = 8;

		private static final Block END = new Block(new byte[0], 0);

		private final BlockingQueue<Block> full = new ArrayBlockingQueue<>(BLOCKS + 1);

		private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(BLOCKS);

		private volatile boolean abandoned;

		Handoff() {
			for (int i = 0; i < BLOCKS; i++) {
				this.free.add(new byte[ChunkedOutput.CHUNK]);
			}
		}

		/** Where the copying thread writes; closing it ends the hand-off. */
		OutputStream input() throws IOException {
			return new OutputStream() {

				private byte[] block = take();

				private int filled;

				@Override
				public void write(int b) throws IOException {
					write(new byte[] { (byte) b }, 0, 1);
				}

				@Override
				public void write(byte[] bytes, int offset, int length) throws IOException {
					int written = 0;
					while (written < length) {
						int part = Math.min(length - written, this.block.length - this.filled);
						System.arraycopy(bytes, offset + written, this.block, this.filled, part);
						this.filled += part;
						written += part;
						if (this.filled == this.block.length) {
							hand(new Block(this.block, this.filled));
							this.block = take();
							this.filled = 0;
						}
					}
				}

				@Override
				public void close() throws IOException {
					if (this.filled > 0) {
						hand(new Block(this.block, this.filled));
					}
					hand(END);
				}

			};
		}

		/** Writes the blocks to {@code out} until the copy ended (or failed). */
		void drainTo(OutputStream out, Future<?> copy) throws IOException, InterruptedException {
			while (true) {
				Block block = this.full.poll(1, TimeUnit.SECONDS);
				if (block == END || (block == null && copy.isDone() && this.full.isEmpty())) {
					return;
				}
				if (block != null) {
					out.write(block.bytes(), 0, block.length());
					this.free.add(block.bytes());
				}
			}
		}

		void abandon() {
			this.abandoned = true;
			this.full.clear();
		}

		private byte[] take() throws IOException {
			try {
				byte[] block;
				while ((block = this.free.poll(1, TimeUnit.SECONDS)) == null) {
					stopIfAbandoned();
				}
				return block;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new InterruptedIOException("interrupted while handing over the copy");
			}
		}

		private void hand(Block block) throws IOException {
			try {
				while (!this.full.offer(block, 1, TimeUnit.SECONDS)) {
					stopIfAbandoned();
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new InterruptedIOException("interrupted while handing over the copy");
			}
		}

		private void stopIfAbandoned() throws IOException {
			if (this.abandoned) {
				throw new IOException("the report's writer stopped taking the copy");
			}
		}

	}

	/** The first {@code length} bytes of {@code bytes}. */
	private record Block(byte[] bytes, int length) {

	}

}
