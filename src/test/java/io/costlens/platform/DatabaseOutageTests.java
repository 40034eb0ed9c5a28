package io.costlens.platform;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.TransactionSystemException;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseOutageTests {

	@Test
	void seesTheOutageBehindARollbackThatFailedOnAClosedConnection() {
		TransactionSystemException rollback = new TransactionSystemException("JDBC rollback failed",
				new SQLException("Connection is closed"));
		rollback.initApplicationException(new DataAccessResourceFailureException("terminating connection"));

		assertThat(DatabaseOutage.isCause(rollback)).isTrue();
	}

	@Test
	void seesTheOutageBehindACommitAndRollbackThatBothFailedOnAConnectionTheServerClosed() {
		// Spring logs the commit's failure (57P01) and throws the rollback's, which
		// carries only the pool's SQL-state-less "Connection is closed"
		TransactionSystemException rollback = new TransactionSystemException("JDBC rollback failed",
				new SQLException("Connection is closed"));

		assertThat(DatabaseOutage.isCause(rollback)).isTrue();
	}

	@Test
	void takesAServerShuttingDownForAnOutage() {
		assertThat(DatabaseOutage.isCause(
				new RuntimeException(new SQLException("terminating connection due to administrator command", "57P01"))))
			.isTrue();
	}

	@Test
	void leavesARealFailureAFailure() {
		TransactionSystemException rollback = new TransactionSystemException("JDBC rollback failed");
		rollback.initApplicationException(new DataIntegrityViolationException("duplicate"));

		assertThat(DatabaseOutage.isCause(rollback)).isFalse();
		assertThat(DatabaseOutage.isCause(new SQLException("syntax error", "42601"))).isFalse();
	}

}
