package io.costlens.scenarios.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import io.costlens.platform.GroupCommitter;
import io.costlens.scenarios.StoredLog;

/** The one group committer that writes every ingested log of this instance. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IngestSettings.class)
class IngestConfiguration {

	@Bean(destroyMethod = "close")
	GroupCommitter<StoredLog, Boolean> logCommitter(IngestSettings settings, JdbcTemplate jdbc,
			TransactionTemplate transactions) {
		return GroupCommitter.start("scenario-logs", settings.committer(), new LogWriter(jdbc, transactions));
	}

}
