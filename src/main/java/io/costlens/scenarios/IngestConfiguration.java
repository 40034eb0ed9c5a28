package io.costlens.scenarios;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import io.costlens.platform.EndpointRules;
import io.costlens.platform.EndpointRules.BodySize;
import io.costlens.platform.GroupCommitter;

/** The one group committer that writes every ingested log of this instance. */
@Configuration(proxyBeanMethods = false)
class IngestConfiguration {

	/** Ingest and flush need a credential; a batch may carry up to 10 MiB. */
	@Bean
	EndpointRules ingestEndpoints() {
		return EndpointRules.builder()
			.secured("/ingest", "/ingest/**", "/flush")
			.body(BodySize.MESSAGE, "/ingest")
			.body(BodySize.BATCH, "/ingest/batch")
			.build();
	}

	@Bean(destroyMethod = "close")
	GroupCommitter<StoredLog, LogWriter.Outcome> logCommitter(ScenariosProperties properties, JdbcTemplate jdbc,
			TransactionTemplate transactions) {
		return GroupCommitter.start("scenario-logs", properties.ingest().groupCommit(),
				new LogWriter(jdbc, transactions));
	}

}
