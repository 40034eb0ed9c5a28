package io.costlens.platform;

import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells a database that does not answer (down, restarting, unreachable, or no pooled
 * connection free in time, shutting down: PostgreSQL's {@code 57P} states) from a real
 * failure: clients get 503 with {@code Retry-After} for it, never a 500, since the same
 * request will work once the database is back.
 */
public final class DatabaseOutage {

	/** The {@code Retry-After} of those answers. */
	public static final Duration RETRY_AFTER = Duration.ofSeconds(2);

	private DatabaseOutage() {
	}

	/** Whether the failure, or one of its causes, is the database not answering. */
	public static boolean isCause(@Nullable Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = (cause.getCause() == cause) ? null : cause.getCause()) {
			if (cause instanceof DataAccessResourceFailureException
					|| cause instanceof TransientDataAccessResourceException
					|| cause instanceof CannotCreateTransactionException
					|| cause instanceof SQLTransientConnectionException
					|| cause instanceof SQLNonTransientConnectionException
					|| (cause instanceof java.sql.SQLException sql && sql.getSQLState() != null
							&& (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P")))) {
				return true;
			}
			// A rollback on a connection the server has just closed hides the real
			// failure: the application's, when there was one; otherwise the commit's,
			// which Spring only logs. A commit and rollback that both failed in JDBC
			// (the pool's "Connection is closed" carries no SQL state) are the
			// connection gone, as when the server is stopped in the middle of a commit.
			if (cause instanceof TransactionSystemException rollback) {
				Throwable application = rollback.getApplicationException();
				if ((application != null) ? isCause(application)
						: rollback.getCause() instanceof java.sql.SQLException) {
					return true;
				}
			}
		}
		return false;
	}

	/** The 503 to answer. */
	public static Overloaded problem() {
		return new Overloaded("The database is not answering; try again shortly", RETRY_AFTER);
	}

}
