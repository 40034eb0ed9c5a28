package io.costlens.platform.health;

import java.sql.Connection;

import javax.sql.DataSource;

import org.springframework.stereotype.Component;

/** Tells whether the database answers right now. */
@Component
class DatabaseProbe {

	private static final int TIMEOUT_SECONDS = 2;

	private final DataSource dataSource;

	DatabaseProbe(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	boolean isUp() {
		try (Connection connection = this.dataSource.getConnection()) {
			return connection.isValid(TIMEOUT_SECONDS);
		}
		catch (Exception ex) {
			return false;
		}
	}

}
