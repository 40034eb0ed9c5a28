package io.costlens.platform.data;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import io.costlens.platform.DatabaseInfo;

/**
 * Says at startup which database Costlens runs on, and warns when it is the quick start.
 */
@Component
public class DatabaseReport {

	private static final Logger log = LoggerFactory.getLogger(DatabaseReport.class);

	private final DataSource dataSource;

	private final Environment environment;

	private volatile DatabaseInfo info = new DatabaseInfo("unknown", "", "unknown", false);

	DatabaseReport(DataSource dataSource, Environment environment) {
		this.dataSource = dataSource;
		this.environment = environment;
	}

	@EventListener(ApplicationReadyEvent.class)
	void report() throws SQLException {
		try (Connection connection = this.dataSource.getConnection()) {
			DatabaseMetaData meta = connection.getMetaData();
			boolean quickStart = this.environment.getProperty(QuickStartDatabase.QUICK_START, Boolean.class, false);
			this.info = new DatabaseInfo(meta.getDatabaseProductName(), meta.getDatabaseProductVersion(),
					location(meta.getURL()), quickStart);
		}
		log.info("Database: {} {} at {}", this.info.vendor(), this.info.version(), this.info.location());
		if (this.info.quickStart()) {
			log.warn(
					"Quick-start mode: embedded H2 database at {}, in-memory rate limits and cache. "
							+ "This is for a single node; set SPRING_DATASOURCE_URL to PostgreSQL for production.",
					this.info.location());
		}
	}

	public DatabaseInfo info() {
		return this.info;
	}

	/**
	 * Where the database is, without credentials or options: host and database, or a
	 * file.
	 */
	static String location(String url) {
		String bare = url.replaceFirst("[;?].*$", "");
		int slashes = bare.indexOf("//");
		if (slashes >= 0) {
			String rest = bare.substring(slashes + 2);
			return rest.substring(rest.indexOf('@') + 1);
		}
		return bare.replaceFirst("^jdbc:h2:(file:)?", "");
	}

}
