package io.costlens.reports;

import java.io.OutputStream;
import java.util.UUID;

import org.springframework.util.unit.DataSize;

/**
 * Writes a report's file into the database in chunks of {@value #CHUNK} bytes as it is
 * produced, refusing to grow past the size cap. A chunk is a quarter of G1's smallest
 * region, so no buffer of one, here or in the JDBC driver, is a humongous object: a small
 * heap filled with those (1 MiB chunks) spent much of a large report in full collections.
 */
final class ChunkedOutput extends OutputStream {

	static final int CHUNK = 256 * 1024;

	private final ReportRepository reports;

	private final UUID reportId;

	private final long cap;

	private final byte[] buffer = new byte[CHUNK];

	private int filled;

	private int seq;

	private long size;

	ChunkedOutput(ReportRepository reports, UUID reportId, DataSize cap) {
		this.reports = reports;
		this.reportId = reportId;
		this.cap = cap.toBytes();
	}

	@Override
	public void write(int b) {
		grow(1);
		this.buffer[this.filled++] = (byte) b;
		if (this.filled == CHUNK) {
			flushChunk();
		}
	}

	/**
	 * Stores whole chunks straight from {@code bytes} while none is partly filled, copies
	 * the rest.
	 */
	@Override
	public void write(byte[] bytes, int offset, int length) {
		grow(length);
		int written = 0;
		while (this.filled == 0 && length - written >= CHUNK) {
			this.reports.writeChunk(this.reportId, this.seq++, bytes, offset + written, CHUNK);
			written += CHUNK;
		}
		while (written < length) {
			int part = Math.min(length - written, CHUNK - this.filled);
			System.arraycopy(bytes, offset + written, this.buffer, this.filled, part);
			this.filled += part;
			written += part;
			if (this.filled == CHUNK) {
				flushChunk();
			}
		}
	}

	@Override
	public void close() {
		if (this.filled > 0) {
			flushChunk();
		}
	}

	long size() {
		return this.size;
	}

	private void grow(int length) {
		this.size += length;
		if (this.size > this.cap) {
			throw new ReportTooLarge(DataSize.ofBytes(this.cap));
		}
	}

	private void flushChunk() {
		this.reports.writeChunk(this.reportId, this.seq++, this.buffer, 0, this.filled);
		this.filled = 0;
	}

	/** The report grew past the cap. */
	static final class ReportTooLarge extends RuntimeException {

		ReportTooLarge(DataSize cap) {
			super("The report is larger than the cap of " + cap.toBytes() + " bytes (costlens.reports.max-size)");
		}

	}

}
