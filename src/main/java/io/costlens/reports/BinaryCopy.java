package io.costlens.reports;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.SQLException;

import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyInputStream;

/**
 * Runs {@code COPY (a query of one column) TO STDOUT (format binary)} on PostgreSQL and
 * writes each row's value, as its bytes and nothing else, to an output. The binary format
 * carries text and {@code bytea} values as they are: no escaping to undo, no hex.
 */
final class BinaryCopy {

	/** The 11-byte signature and the flags of the binary format's header. */
	private static final int HEADER = 11 + 4;

	private BinaryCopy() {
	}

	/**
	 * @param query a query of exactly one column, with its values written into it (COPY
	 * takes no parameters)
	 * @return how many rows were copied
	 */
	static long copy(PGConnection connection, String query, OutputStream out) throws SQLException, IOException {
		try (DataInputStream rows = new DataInputStream(new BufferedInputStream(
				new PGCopyInputStream(connection, "copy (" + query + ") to stdout (format binary)"), 64 * 1024))) {
			rows.skipNBytes(HEADER);
			rows.skipNBytes(rows.readInt());
			byte[] value = new byte[4096];
			long count = 0;
			while (rows.readShort() != -1) {
				int length = rows.readInt();
				if (length > value.length) {
					value = new byte[Math.max(length, value.length * 2)];
				}
				rows.readFully(value, 0, length);
				out.write(value, 0, length);
				count++;
			}
			return count;
		}
	}

}
